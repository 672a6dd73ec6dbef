import matter from 'gray-matter';
import { frontmatterSchema, isValidSlug, type Frontmatter } from './schema';
import { outlineMarkdown, type Heading } from './markdown';
import { expandPartials, nestedPartials } from './partials';

export interface SourceFile {
  /** Path shown in messages, e.g. content/articles/revoke-an-app.mdx */
  path: string;
  source: string;
}

export interface Article {
  slug: string;
  path: string;
  frontmatter: Frontmatter;
  /** MDX body without the frontmatter, with its partials expanded. */
  body: string;
  headings: Heading[];
}

export interface ContentProblem {
  path: string;
  field: string;
  message: string;
}

export class ContentError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(
      `Content is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  ${p.path}: ${p.field}: ${p.message}`).join('\n'),
    );
    this.name = 'ContentError';
  }
}

const UNSAFE_SCHEME = /^\s*(javascript|data|vbscript):/i;

function slugFromPath(path: string): string {
  const name = path.split('/').pop() ?? path;
  return name.replace(/\.mdx?$/, '');
}

export interface ValidateOptions {
  /** Shared passages by name (see partials.ts); an article naming any other partial is a problem. */
  partials?: ReadonlyMap<string, string>;
  /**
   * Slugs that exist outside this set: a translation's `related` and links may name any English
   * article (its anchors are not checked: headings differ between languages).
   */
  knownSlugs?: ReadonlySet<string>;
}

/**
 * Validates a whole set of articles at once, because links and `related` can only be checked
 * against the full set. Collects every problem rather than stopping at the first.
 */
export function validateArticles(
  files: SourceFile[],
  { partials = new Map(), knownSlugs = new Set() }: ValidateOptions = {},
): { articles: Article[]; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  for (const name of nestedPartials(partials)) {
    problems.push({ path: `partials/${name}.mdx`, field: 'partial', message: 'a partial cannot include another partial' });
  }
  const parsed: Array<Article & { links: Array<{ url: string; line?: number }> }> = [];
  const seen = new Map<string, string>();

  for (const file of files) {
    const slug = slugFromPath(file.path);
    if (!isValidSlug(slug)) {
      problems.push({ path: file.path, field: 'slug', message: `"${slug}" is not a valid slug (lowercase words joined by -)` });
      continue;
    }
    const earlier = seen.get(slug);
    if (earlier) {
      problems.push({ path: file.path, field: 'slug', message: `duplicate slug "${slug}" (also ${earlier})` });
      continue;
    }
    seen.set(slug, file.path);

    let data: Record<string, unknown>;
    let body: string;
    try {
      const result = matter(file.source);
      data = result.data;
      const expanded = expandPartials(result.content, partials);
      body = expanded.body;
      for (const name of expanded.unknown) {
        problems.push({ path: file.path, field: 'partial', message: `no partial named "${name}"` });
      }
    } catch (error) {
      problems.push({ path: file.path, field: 'frontmatter', message: `is not valid YAML (${(error as Error).message})` });
      continue;
    }
    const frontmatter = frontmatterSchema.safeParse(data);
    if (!frontmatter.success) {
      for (const issue of frontmatter.error.issues) {
        problems.push({ path: file.path, field: issue.path.join('.') || 'frontmatter', message: issue.message });
      }
      continue;
    }
    let outline;
    try {
      outline = outlineMarkdown(body);
    } catch (error) {
      problems.push({ path: file.path, field: 'body', message: `MDX does not parse: ${(error as Error).message}` });
      continue;
    }
    parsed.push({ slug, path: file.path, frontmatter: frontmatter.data, body, headings: outline.headings, links: outline.links });
  }

  const bySlug = new Map(parsed.map((article) => [article.slug, article]));
  for (const article of parsed) {
    article.frontmatter.related.forEach((related, index) => {
      if (related === article.slug) {
        problems.push({ path: article.path, field: `related.${index}`, message: 'an article cannot be related to itself' });
      } else if (!bySlug.has(related) && !knownSlugs.has(related)) {
        problems.push({ path: article.path, field: `related.${index}`, message: `article "${related}" does not exist` });
      }
    });
    for (const link of article.links) {
      const problem = checkLink(link.url, article, bySlug, knownSlugs);
      if (problem) {
        problems.push({ path: article.path, field: `link${link.line ? ` (line ${link.line + countFrontmatterLines(files, article.path)})` : ''}`, message: problem });
      }
    }
  }

  const articles = parsed.map(({ links: _links, ...article }) => article);
  return { articles, problems };
}

function checkLink(
  url: string,
  article: Article,
  bySlug: Map<string, Article>,
  knownSlugs: ReadonlySet<string>,
): string | undefined {
  if (UNSAFE_SCHEME.test(url)) return `unsafe link "${url.slice(0, 60)}" (javascript: and data: links are not allowed)`;
  const [path = '', anchor] = url.split('#', 2);
  if (path === '' && anchor !== undefined) {
    return article.headings.some((h) => h.id === anchor) ? undefined : `anchor "#${anchor}" matches no heading in this article`;
  }
  const match = /^\/articles\/([^/?#]+)\/?$/.exec(path);
  if (!match) return undefined;
  const target = bySlug.get(match[1]!);
  if (!target && knownSlugs.has(match[1]!)) return undefined;
  if (!target) return `link to missing article "${match[1]}"`;
  if (anchor !== undefined && !target.headings.some((h) => h.id === anchor)) {
    return `anchor "#${anchor}" matches no heading in article "${target.slug}"`;
  }
  return undefined;
}

// Line numbers from the MDX parser count from the end of the frontmatter; people count from the file's top.
function countFrontmatterLines(files: SourceFile[], path: string): number {
  const source = files.find((f) => f.path === path)?.source ?? '';
  const match = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(source);
  return match ? match[0].split('\n').length - 1 : 0;
}
