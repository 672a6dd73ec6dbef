import { describe, expect, it } from 'vitest';
import { validateArticles, type SourceFile } from './validate';

// Fixture content, so editing a real article never breaks these tests.
function article(slug: string, overrides: Record<string, unknown> = {}, body = '## Overview\n\nText.\n') {
  const frontmatter = {
    title: `Title of ${slug}`,
    summary: 'A summary that is long enough.',
    products: ['jira'],
    audience: 'everyone',
    platform: 'cloud',
    updated: '2026-11-01',
    tags: ['apps'],
    related: [],
    ...overrides,
  };
  const yaml = Object.entries(frontmatter)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join('\n');
  return { path: `content/articles/${slug}.mdx`, source: `---\n${yaml}\n---\n${body}` } satisfies SourceFile;
}

const problemsOf = (files: SourceFile[]) => validateArticles(files).problems;

describe('validateArticles', () => {
  it('accepts valid articles and returns headings with page anchors', () => {
    const { articles, problems } = validateArticles([
      article('first', { related: ['second'] }, '## If you are a site admin\n\nSee [second](/articles/second#details).\n'),
      article('second', {}, '## Details\n\n### Step one\n'),
    ]);
    expect(problems).toEqual([]);
    expect(articles.map((a) => a.slug)).toEqual(['first', 'second']);
    expect(articles[0]!.headings).toEqual([{ depth: 2, text: 'If you are a site admin', id: 'if-you-are-a-site-admin' }]);
  });

  it('keeps error signatures and turns a YAML date into YYYY-MM-DD', () => {
    const file = article('seed', {
      errorSignatures: ['Your site admin must authorize this app for the site {site} before the app can access your account.'],
    });
    file.source = file.source.replace('"2026-11-01"', '2026-11-01');
    const { articles, problems } = validateArticles([file]);
    expect(problems).toEqual([]);
    expect(articles[0]!.frontmatter.updated).toBe('2026-11-01');
    expect(articles[0]!.frontmatter.errorSignatures).toHaveLength(1);
  });

  it.each([
    ['a missing title', { title: undefined }, 'title'],
    ['an unknown product', { products: ['bitbucket'] }, 'products.0'],
    ['an unknown audience', { audience: 'manager' }, 'audience'],
    ['a platform other than cloud', { platform: 'server' }, 'platform'],
    ['a date that is not a date', { updated: '2026-13-45' }, 'updated'],
    ['an unknown field', { author: 'someone' }, 'frontmatter'],
    ['a malformed error signature placeholder', { errorSignatures: ['Your site admin must { authorize'] }, 'errorSignatures.0'],
  ])('names the file and field for %s', (_label, overrides, field) => {
    const problems = problemsOf([article('broken', overrides)]);
    expect(problems).toContainEqual(expect.objectContaining({ path: 'content/articles/broken.mdx', field }));
  });

  it('rejects a duplicate slug', () => {
    const problems = problemsOf([article('twin'), { ...article('twin'), path: 'content/articles/other/twin.mdx' }]);
    expect(problems).toContainEqual(
      expect.objectContaining({ path: 'content/articles/other/twin.mdx', field: 'slug', message: expect.stringContaining('duplicate') }),
    );
  });

  it('rejects related slugs and internal links to missing articles', () => {
    const problems = problemsOf([article('lonely', { related: ['ghost'] }, 'Read [this](/articles/phantom).\n')]);
    expect(problems).toEqual([
      expect.objectContaining({ field: 'related.0', message: expect.stringContaining('"ghost"') }),
      expect.objectContaining({ field: expect.stringMatching(/^link/), message: expect.stringContaining('"phantom"') }),
    ]);
  });

  it.each(['javascript:alert(1)', 'JavaScript:void(0)', 'data:text/html;base64,PHNjcmlwdD4='])(
    'rejects an unsafe %s link, in Markdown and in JSX',
    (url) => {
      const markdown = problemsOf([article('unsafe', {}, `[click](${url})\n`)]);
      const jsx = problemsOf([article('unsafe', {}, `<a href="${url}">click</a>\n`)]);
      for (const problems of [markdown, jsx]) {
        expect(problems).toContainEqual(expect.objectContaining({ message: expect.stringContaining('unsafe link') }));
      }
    },
  );

  it('rejects heading anchors that do not exist, on the same page and on another article', () => {
    const problems = problemsOf([
      article('source', {}, '## Real heading\n\n[a](#real-heading) [b](#not-here) [c](/articles/target#nope)\n'),
      article('target', {}, '## Something\n'),
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringContaining('"#not-here"'),
      expect.stringContaining('"#nope" matches no heading in article "target"'),
    ]);
  });

  it('reports MDX that does not parse with the file name', () => {
    const problems = problemsOf([article('bad-mdx', {}, 'An unclosed <Callout>\n')]);
    expect(problems).toContainEqual(expect.objectContaining({ path: 'content/articles/bad-mdx.mdx', field: 'body' }));
  });

  it('names the line of a bad link counted from the top of the file', () => {
    const problems = problemsOf([article('lines', {}, '\n\n[x](/articles/missing)\n')]);
    const frontmatterLines = article('lines').source.split('---')[1]!.split('\n').length + 1;
    expect(problems[0]!.field).toBe(`link (line ${frontmatterLines + 2})`);
  });
});
