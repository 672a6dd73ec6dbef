import { describe, expect, it } from 'vitest';
import { makeSnippet, termMatcher } from './snippet';
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
      '&#60;b&#62;Summary&#60;/b&#62;',
    );
  });
});
