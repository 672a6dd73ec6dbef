import { describe, expect, it } from 'vitest';
import { createSearchIndex } from './index';
import { inLinkCounts } from './link-prior';
import type { SearchDocument } from './types';

function article(id: string, over: Partial<SearchDocument> = {}): SearchDocument {
  return {
    id,
    url: `/articles/${id}`,
    title: id.replace(/-/g, ' '),
    summary: '',
    headings: [],
    tags: [],
    body: '',
    errorSignatures: [],
    products: ['jira'],
    ...over,
  };
}

describe('inLinkCounts', () => {
  it('counts each linking article once, by address, alias or a unique last path segment', () => {
    const docs = [
      article('revoke-an-app', { aliases: ['/articles/remove-app-access'] }),
      article('a', { links: ['/articles/revoke-an-app', '/articles/revoke-an-app#steps'] }),
      article('b', { links: ['/articles/remove-app-access/'] }),
      article('c', { links: ['/v2/help/revoke-an-app?ref=nav'] }),
      article('d', { links: ['revoke-an-app'] }), // a `related` slug
      article('e', { links: ['https://example.com/articles/revoke-an-app', '/articles/e'] }),
    ];
    expect([...inLinkCounts(docs)]).toEqual([4, 0, 0, 0, 0, 0]);
  });

  it('does not guess when two articles end with the same segment', () => {
    const docs = [
      article('x', { url: '/jira/overview' }),
      article('y', { url: '/confluence/overview' }),
      article('z', { links: ['/old/overview', '/jira/overview'] }),
    ];
    expect([...inLinkCounts(docs)]).toEqual([1, 0, 0]);
  });
});

describe('link prior in search', () => {
  it('puts the article other articles point to above an equally matching one nobody links to', () => {
    const docs = [
      article('connected-apps-overview', { title: 'Connected apps', summary: 'See your connected apps.' }),
      article('connected-apps-page', { title: 'Connected apps', summary: 'See your connected apps.' }),
      article('one', { links: ['/articles/connected-apps-page'] }),
      article('two', { links: ['/articles/connected-apps-page'] }),
      article('three', { links: ['connected-apps-page'] }),
    ];
    const ids = (list: SearchDocument[]) =>
      createSearchIndex(list)
        .search('connected apps')
        .results.map((r) => r.id);
    expect(ids(docs).slice(0, 2)).toEqual(['connected-apps-page', 'connected-apps-overview']);
    // the same articles without links keep their engine order (the first added wins ties)
    expect(ids(docs.map((d) => ({ ...d, links: [] }))).slice(0, 2)).toEqual([
      'connected-apps-overview',
      'connected-apps-page',
    ]);
  });
});
