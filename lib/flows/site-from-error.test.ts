import { describe, expect, it } from 'vitest';
import { normalizeSiteHost, siteFromError } from './site-from-error';

describe('siteFromError', () => {
  it.each([
    [
      'the full Atlassian message',
      'Your site admin must authorize this app for the site acme.atlassian.net before the app can access your account.',
      'acme.atlassian.net',
    ],
    [
      'a quoted host',
      'Your site admin must authorize this app for the site "Acme-Sandbox.atlassian.net" before the app can access your account.',
      'acme-sandbox.atlassian.net',
    ],
    [
      'a URL with a path',
      'Error at https://globex.atlassian.net/jira/software: your site admin must authorize this app',
      'globex.atlassian.net',
    ],
    [
      'an older jira.com host',
      'must authorize this app for the site legacy.jira.com before the app',
      'legacy.jira.com',
    ],
    [
      'a bare site name in the sentence',
      'Your site admin must authorize this app for the site acme before the app can access your account.',
      'acme.atlassian.net',
    ],
    [
      'British spelling',
      'Your site admin must authorise this app for the site acme.atlassian.net. before the app',
      'acme.atlassian.net',
    ],
  ])('finds the site in %s', (_label, text, host) => {
    expect(siteFromError(text)).toBe(host);
  });

  it.each([
    ['no site', 'Your site admin must authorize this app'],
    ['another domain', 'Visit https://evil.example.com/atlassian.net now'],
    ['empty text', ''],
  ])('finds nothing in %s', (_label, text) => {
    expect(siteFromError(text)).toBeUndefined();
  });
});

describe('normalizeSiteHost', () => {
  it.each([
    ['acme.atlassian.net', 'acme.atlassian.net'],
    ['https://ACME.atlassian.net/wiki/home', 'acme.atlassian.net'],
    ['acme', 'acme.atlassian.net'],
    ['acme.atlassian.net.', 'acme.atlassian.net'],
  ])('reads %s as %s', (input, host) => {
    expect(normalizeSiteHost(input)).toBe(host);
  });

  it.each(['evil.example.com', 'acme.atlassian.net.evil.com', '-acme.atlassian.net', 'a b', ''])(
    'rejects %s',
    (input) => {
      expect(normalizeSiteHost(input)).toBeUndefined();
    },
  );
});
