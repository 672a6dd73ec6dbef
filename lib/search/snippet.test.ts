import { describe, expect, it } from 'vitest';
import { makeSnippet, termMatcher } from './snippet';
import { snippetParts } from './snippet-markup';
import { stem } from './analyze';

describe('makeSnippet', () => {
  const body =
    'Intro text that says nothing. '.repeat(20) +
    'To delete a repository, open its settings. Deleting a repository cannot be undone. ' +
    'Unrelated closing words. '.repeat(20);

  it('picks the passage with the most distinct terms and marks every match', () => {
    const html = makeSnippet(body, 'summary', termMatcher([stem('delete'), stem('repository')], []));
    expect(html).toContain('<mark>delete</mark> a <mark>repository</mark>');
    expect(html).toContain('<mark>Deleting</mark>');
    expect(html.startsWith('…')).toBe(true);
  });

  it('matches two-letter terms and typed prefixes', () => {
    const html = makeSnippet(
      'Set up CI for the repo. Then configure it.',
      '',
      termMatcher(['ci'], ['configu']),
    );
    expect(html).toBe('Set up <mark>CI</mark> for the repo. Then <mark>configure</mark> it.');
  });

  it('falls back to the summary, escaped, when nothing matches', () => {
    expect(makeSnippet('plain body', '<b>Summary</b>', termMatcher(['absent'], []))).toBe(
      '&lt;b&gt;Summary&lt;/b&gt;',
    );
  });
});

describe('snippet text as the reader sees it', () => {
  it('reads back quotes, apostrophes, ampersands and angle brackets exactly as the article wrote them', () => {
    const body = `The error says "Your site admin must authorize this app" & it's shown <before> consent.`;
    const html = makeSnippet(body, '', termMatcher([stem('authorize')], []));
    const parts = snippetParts(html);
    expect(parts.map((part) => part.text).join('')).toBe(body);
    expect(parts.find((part) => part.marked)?.text).toBe('authorize');
    expect(html).not.toMatch(/<(?!\/?mark>)/);
  });

  it('leaves an entity the server never writes as the text it was', () => {
    expect(snippetParts('a &#34; b')).toEqual([{ marked: false, text: 'a &#34; b' }]);
  });
});
