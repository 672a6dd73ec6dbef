import { describe, expect, it } from 'vitest';
import { createSearchIndex } from './index';
import type { SearchDocument } from './types';

// Fixture articles: editing real content must never break these tests.
function article(doc: Partial<SearchDocument> & Pick<SearchDocument, 'id' | 'title'>): SearchDocument {
  return {
    url: `/articles/${doc.id}`,
    summary: '',
    headings: [],
    tags: [],
    body: '',
    errorSignatures: [],
    products: ['jira'],
    ...doc,
  };
}

const SITE_ADMIN_ERROR =
  'Your site admin must authorize this app for the site {site} before the app can access your account.';

const docs: SearchDocument[] = [
  article({
    id: 'authorize-app-for-site',
    title: "Fix the 'Your site admin must authorize this app' error",
    summary: 'Why a site admin has to approve an app before it can reach your account, and how to ask them.',
    headings: ['If you are a site admin', 'If you are not an admin'],
    tags: ['authorization', 'connected apps'],
    body: 'The app asked for access to your site. Only a site admin can approve it for everyone.',
    errorSignatures: [SITE_ADMIN_ERROR],
    products: ['jira', 'confluence'],
    audience: 'everyone',
  }),
  article({
    id: 'find-your-site-admins',
    title: 'Find the admins of your site',
    summary: 'See who can manage apps and users for your Atlassian site.',
    body: 'Open the site administration page to see the list of organization admins and site admins.',
    products: ['all'],
    audience: 'everyone',
  }),
  article({
    id: 'revoke-app-access',
    title: 'Revoke an app’s access to your account',
    summary: 'Remove an integration you connected earlier.',
    body: 'Open your profile, choose Connected apps and select Revoke access next to the integration.',
    products: ['confluence'],
    audience: 'everyone',
  }),
  article({
    id: 'uninstall-plugin',
    title: 'Uninstall a plugin from a site',
    summary: 'Admins can uninstall a plugin for the whole site.',
    body: 'Go to Apps, Manage apps, then choose Uninstall.',
    products: ['jira'],
    audience: 'site-admin',
  }),
  article({
    id: 'approve-integration-requests',
    title: 'Review requests to approve an integration',
    summary: 'Site admins decide on access requests for integrations.',
    body: 'Each request names the integration, who asked and which site. Approve or decline it.',
    products: ['jira', 'jsm'],
    audience: 'site-admin',
  }),
  article({
    id: 'api-tokens',
    title: 'Manage API tokens',
    summary: 'Create and revoke API tokens for scripts.',
    body: 'API tokens let scripts act as you. Treat them like passwords. <img src=x onerror=alert(1)> is how an attacker would try to inject markup.',
    products: ['all'],
    audience: 'developer',
  }),
];

const index = createSearchIndex(docs);
const ids = (query: string, options = {}) => index.search(query, options).results.map((r) => r.id);

describe('search', () => {
  it('finds an article despite a typo in a longer word', () => {
    expect(ids('uninstal plugn')[0]).toBe('uninstall-plugin');
    expect(ids('revokk access')[0]).toBe('revoke-app-access');
  });

  it('finds an article through a domain synonym, ranked below an exact match', () => {
    // "disconnect" is a synonym of revoke/remove/uninstall
    expect(ids('disconnect integration')).toContain('revoke-app-access');
    const approve = ids('approve integration');
    const exact = approve.indexOf('approve-integration-requests');
    const synonym = approve.indexOf('authorize-app-for-site');
    expect(exact).toBe(0);
    expect(synonym).toBeGreaterThan(exact);
  });

  it('recognises a pasted error with noise around it and captures the site', () => {
    const pasted =
      'Hi, I get this when I click Connect: "Your site admin must authorize this app for the site acme.atlassian.net before the app can access your account." (request id 4f9c2a1e-77b0-4c1d-9a3e-2b9d0f6c1a55) — thanks, jane.doe@example.com';
    const response = index.search(pasted);
    expect(response.signature).toEqual({
      slug: 'authorize-app-for-site',
      captures: { site: 'acme.atlassian.net' },
    });
    expect(response.results[0]?.id).toBe('authorize-app-for-site');
  });

  it('recognises most of a long signature pasted in order, in other case and spacing', () => {
    const response = index.search(
      'MUST AUTHORIZE THIS APP   for the site https://beta.atlassian.net before the app can access',
    );
    expect(response.signature?.slug).toBe('authorize-app-for-site');
  });

  it('does not treat a query that shares a few words with a signature as that error', () => {
    expect(index.search('site admin authorize app').signature).toBeUndefined();
  });

  it('puts the article whose title is the query first', () => {
    expect(ids('find the admins of your site')[0]).toBe('find-your-site-admins');
    expect(ids('Manage API tokens')[0]).toBe('api-tokens');
  });

  it('filters by product and counts facets before the filter', () => {
    const all = index.search('app');
    const confluence = index.search('app', { product: 'confluence' });
    expect(confluence.results.length).toBeGreaterThan(0);
    expect(confluence.results.every((r) => r.products.includes('confluence'))).toBe(true);
    expect(confluence.facets).toEqual(all.facets);
    expect(confluence.total).toBeLessThan(all.total);
  });

  it('filters by audience', () => {
    const admins = index.search('integration', { audience: 'site-admin' });
    expect(admins.results.map((r) => r.audience)).toEqual(admins.results.map(() => 'site-admin'));
  });

  it('does not fuzz short terms', () => {
    // "apo" is one edit from "api" and "app"; a three-letter word is taken as typed
    expect(index.search('apo').results).toEqual([]);
  });

  it('matches the word being typed as a prefix', () => {
    expect(ids('uninst')[0]).toBe('uninstall-plugin');
  });

  it('escapes article text and query in snippets, adding only <mark>', () => {
    const [tokens] = index.search('onerror alert <script>').results;
    expect(tokens?.id).toBe('api-tokens');
    const snippet = tokens!.snippet;
    expect(snippet).not.toMatch(/<(?!\/?mark>)/);
    expect(snippet).toContain('&lt;img src=x <mark>onerror</mark>=<mark>alert</mark>(1)&gt;');
  });

  it('bounds the number of results', () => {
    expect(index.search('app', { limit: 2 }).results).toHaveLength(2);
    expect(index.search('app', { limit: 0 }).results.length).toBeGreaterThan(0);
  });

  it('answers an empty or noise-only query with nothing', () => {
    expect(index.search('').results).toEqual([]);
    expect(index.search('https://example.com/a/b 4f9c2a1e').results).toEqual([]);
  });
});
