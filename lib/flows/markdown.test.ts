import { describe, expect, it } from 'vitest';
import { isSafeHref, parseMarkdown } from './markdown';
import { fillHref, fillMarkdown } from './template';

describe('flow Markdown', () => {
  it.each(['https://admin.atlassian.com', '/articles/find-your-site-admins', '/signin', '#step'])(
    'allows the link %s',
    (url) => {
      expect(isSafeHref(url)).toBe(true);
    },
  );

  it.each(['javascript:alert(1)', 'data:text/html,x', '//evil.example', 'http://evil.example', 'vbscript:x'])(
    'refuses the link %s',
    (url) => {
      expect(isSafeHref(url)).toBe(false);
    },
  );

  it('keeps a value from the URL as plain text, never as a link', () => {
    const text = fillMarkdown('Authorize {app} now.', { app: '[click](https://evil.example)' });
    const paragraph = parseMarkdown(text).children![0]!;
    expect(paragraph.children!.every((child) => child.type === 'text')).toBe(true);
    expect(paragraph.children!.map((child) => child.value).join('')).toBe(
      'Authorize [click](https://evil.example) now.',
    );
  });

  it('URL-encodes values in links and falls back when a value is missing', () => {
    expect(fillHref('https://admin.atlassian.com/s/{cloudId}/x', { cloudId: 'a/b?c' })).toBe(
      'https://admin.atlassian.com/s/a%2Fb%3Fc/x',
    );
    expect(fillHref('https://admin.atlassian.com/s/{cloudId}/x', {}, 'https://admin.atlassian.com')).toBe(
      'https://admin.atlassian.com',
    );
    expect(fillHref('https://admin.atlassian.com/s/{cloudId}/x', {})).toBeUndefined();
  });
});

describe('parseMarkdown cache', () => {
  it('parses a text once per process and keeps texts apart', () => {
    const first = parseMarkdown('Ask **your site admin** to authorize it.');
    expect(parseMarkdown('Ask **your site admin** to authorize it.')).toBe(first);
    expect(parseMarkdown('Ask *your org admin*.')).not.toBe(first);
  });
});
