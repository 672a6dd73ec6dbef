import { describe, expect, it } from 'vitest';
import { SignatureMatcher } from './signatures';

const matcher = new SignatureMatcher([
  {
    slug: 'site-admin-must-authorize',
    templates: [
      'Your site admin must authorize this app for the site {site} before the app can access your account.',
    ],
  },
  { slug: 'publickey', templates: ['Permission denied (publickey)'] },
]);

describe('SignatureMatcher', () => {
  it('captures a placeholder from a quoted paste', () => {
    expect(
      matcher.match(
        'error: \'your site admin must authorize this app for the site "acme-corp.atlassian.net" before the app can access your account\'',
      ),
    ).toMatchObject({ slug: 'site-admin-must-authorize', captures: { site: 'acme-corp.atlassian.net' } });
  });

  it('tolerates a few words of noise inside the paste', () => {
    expect(
      matcher.match(
        'Your site admin must authorize this [Jira] app for the site acme.atlassian.net before the app can access your account',
      )?.slug,
    ).toBe('site-admin-must-authorize');
  });

  it('requires every word of a short template', () => {
    expect(matcher.match('git@github.com: Permission denied (publickey).')?.slug).toBe('publickey');
    expect(matcher.match('permission denied')).toBeUndefined();
  });

  it('ignores words that appear far apart and out of order', () => {
    expect(matcher.match('account access: the app and the site admin, before authorize')).toBeUndefined();
  });

  it('reads a value at the end of a template past the separator before it', () => {
    const trailing = new SignatureMatcher([
      { slug: 'redirect', templates: ['redirect_uri is not registered for client: {client}'] },
    ]);
    expect(
      trailing.match(
        'Error: redirect_uri is not registered for client: inventory-sync-app. Please try again.',
      ),
    ).toMatchObject({ slug: 'redirect', captures: { client: 'inventory-sync-app' } });
  });

  it('aligns Japanese text character by character, across full-width forms, and reads the value', () => {
    const japanese = new SignatureMatcher([
      { slug: 'ja-error', templates: ['サイト {site} のサイト管理者がこのアプリを承認する必要があります'] },
    ]);
    expect(
      japanese.match(
        'エラー：サイト ａｃｍｅ.atlassian.net のサイト管理者がこのアプリを承認する必要があります。',
      ),
    ).toMatchObject({ slug: 'ja-error', captures: { site: 'acme.atlassian.net' } });
    expect(japanese.match('サイト管理者に承認を依頼する')).toBeUndefined();
  });
});
