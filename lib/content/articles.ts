import 'server-only';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { contentPaths } from './paths';
import { ContentError, validateArticles, type Article, type SourceFile } from './validate';

function readArticleFiles(dir: string): SourceFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.mdx') || name.endsWith('.md'))
    .sort()
    .map((name) => ({
      path: path.relative(process.cwd(), path.join(dir, name)),
      source: readFileSync(path.join(dir, name), 'utf8'),
    }));
}

/** Loads and validates every article; throws a ContentError naming each bad file and field. */
export function loadArticles(dir: string): Article[] {
  const { articles, problems } = validateArticles(readArticleFiles(dir));
  if (problems.length > 0) throw new ContentError(problems);
  return articles;
}

let cached: Article[] | undefined;

/** The site's articles (from the content root), read once per server process. */
export function getArticles(): Article[] {
  cached ??= loadArticles(contentPaths().articles);
  return cached;
}

export function getArticle(slug: string): Article | undefined {
  return getArticles().find((article) => article.slug === slug);
}
