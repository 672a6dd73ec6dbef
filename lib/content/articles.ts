import 'server-only';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_PARTIAL_LOCALE, partialsForLocale, type PartialSource } from './partials';
import { processWide } from '@/lib/process-wide';
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

function readPartialFiles(dir: string): PartialSource[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.mdx'))
    .map((entry) => ({
      name: entry.name.slice(0, -'.mdx'.length),
      source: readFileSync(path.join(dir, entry.name), 'utf8'),
    }));
}

/**
 * The shared passages in `dir` for `locale`: `<locale>/<name>.mdx` where it exists, else
 * `<name>.mdx`. A content root without a partials folder has none.
 */
export function loadPartials(dir: string, locale: string = DEFAULT_PARTIAL_LOCALE): Map<string, string> {
  const localized = locale === DEFAULT_PARTIAL_LOCALE ? [] : readPartialFiles(path.join(dir, locale));
  return partialsForLocale(readPartialFiles(dir), localized);
}

/**
 * Loads and validates every article, with the partials beside `dir` (`../partials`) expanded;
 * throws a ContentError naming each bad file and field.
 */
export function loadArticles(
  dir: string,
  { locale = DEFAULT_PARTIAL_LOCALE, partialsDir = path.join(dir, '..', 'partials') }: { locale?: string; partialsDir?: string } = {},
): Article[] {
  const { articles, problems } = validateArticles(readArticleFiles(dir), { partials: loadPartials(partialsDir, locale) });
  if (problems.length > 0) throw new ContentError(problems);
  return articles;
}

/** The site's articles (from the content root), read once per server process. */
export function getArticles(): Article[] {
  return processWide('articles', () => {
    const paths = contentPaths();
    return loadArticles(paths.articles, { partialsDir: paths.partials });
  });
}

export function getArticle(slug: string): Article | undefined {
  return getArticles().find((article) => article.slug === slug);
}
