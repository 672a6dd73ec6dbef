import { describe, expect, it } from 'vitest';
import { loadArticles } from '@/lib/content/articles';
import { contentPaths, REAL_CONTENT_DIR } from '@/lib/content/paths';
import { createArticleSearchIndex } from './article-index';

// The help center's own articles (not fixtures): every error text they list must be recognised when
// pasted, with its placeholders read back, and its article must come first, whatever the ranking does.
const SAMPLE_VALUES: Record<string, string> = {
  site: 'acme-widgets.atlassian.net',
  client: 'inventory-sync-app',
};

const articles = loadArticles(contentPaths(REAL_CONTENT_DIR).articles);
const index = createArticleSearchIndex(articles);
const cases = articles.flatMap((article) =>
  (article.frontmatter.errorSignatures ?? []).map((template) => ({ slug: article.slug, template })),
);

describe("the real content: the help center's error signatures", () => {
  it('are there to test', () => {
    expect(cases.length).toBeGreaterThanOrEqual(5);
  });

  it.each(cases)('$slug recognises "$template" pasted with noise around it', ({ slug, template }) => {
    const captures: Record<string, string> = {};
    const filled = template.replace(/\{(\w+)\}/g, (_m, name: string) => {
      captures[name] = SAMPLE_VALUES[name] ?? `sample-${name}`;
      return captures[name]!;
    });
    const response = index.search(`Error (request 7f3a9c21): ${filled} Please try again.`);
    expect(response.signature).toMatchObject({ slug, captures });
    expect(response.results[0]?.id).toBe(slug);
  });
});

// Shared passages (content/partials) are expanded into the articles before indexing, so a reader
// who searches for a caveat's own words finds the articles that state it.
describe('the real content: text from shared passages is searchable', () => {
  it('finds the articles that include the Connected-apps address caveat by its address', () => {
    const ids = index.search('id.atlassian.com manage-profile apps').results.map((result) => result.id);
    expect(ids).toEqual(
      expect.arrayContaining(['revoke-your-own-app-access', 'check-which-sites-an-app-can-access']),
    );
  });

  it('finds the roles article for a role Greenlight used not to name, and the plan limit where it is stated', () => {
    expect(index.search('user access admin').results[0]?.id).toBe('org-admin-vs-site-admin-vs-product-admin');
    expect(index.search('guard standard app access rule').results[0]?.id).toBe('app-access-rules');
  });
});
