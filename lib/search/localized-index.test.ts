import { describe, expect, it } from 'vitest';
import { createLocalizedSearchIndex } from './localized-index';
import { loadMarkdownCorpus } from './markdown-corpus';

// The fixture articles (tests/fixtures/content): English, and a few German and Japanese translations.
const ARTICLES = 'tests/fixtures/content/articles';
const index = createLocalizedSearchIndex({
  en: loadMarkdownCorpus(ARTICLES, { recursive: false }),
  de: loadMarkdownCorpus(`${ARTICLES}/de`),
  ja: loadMarkdownCorpus(`${ARTICLES}/ja`),
});
const top = (query: string, locale: 'en' | 'de' | 'ja') => index.search(query, { locale }).results[0];

const PASTED =
  'Your site admin must authorize this app for the site acme.atlassian.net before the app can access your account.';

describe('search in the reader’s language', () => {
  it('finds the German article by German words, however the umlauts are typed', () => {
    for (const query of ['App widerrufen', 'Apps deinstallieren', 'Schaltflaeche Genehmigen'])
      expect(top(query, 'de')).toMatchObject({ locale: 'de' });
    expect(top('App widerrufen', 'de')?.id).toBe('revoke-an-app');
    expect(top('Schaltflaeche Genehmigen', 'de')?.id).toBe('site-admin-must-authorize-app');
  });

  it('finds a German compound by one of its parts, and by a compound of its parts', () => {
    expect(top('Richtlinie', 'de')?.id).toBe('app-access-rules');
    expect(top('Sicherheitsrichtlinie', 'de')?.id).toBe('app-access-rules');
  });

  it('finds the Japanese article typed without spaces or in half-width and full-width forms', () => {
    expect(top('データセキュリティポリシー', 'ja')).toMatchObject({ id: 'app-access-rules', locale: 'ja' });
    expect(top('ｸﾗｳﾄﾞ ＩＤ', 'ja')).toMatchObject({ id: 'find-your-cloud-id', locale: 'ja' });
  });

  it('recognises a pasted English error on a German or Japanese page, in the reader’s language', () => {
    for (const [locale, around] of [
      ['de', `Fehlermeldung beim Verbinden: ${PASTED}`],
      ['ja', `接続しようとしたら「${PASTED}」と表示されました`],
    ] as const) {
      const response = index.search(around, { locale });
      expect(response.signature).toEqual({
        slug: 'site-admin-must-authorize-app',
        captures: { site: 'acme.atlassian.net' },
        locale,
      });
      expect(response.results[0]).toMatchObject({ id: 'site-admin-must-authorize-app', locale });
    }
  });

  it('recognises an error text the article declares in German or Japanese, with its value', () => {
    expect(
      index.search('Ihr Site-Administrator muss diese App für die Site beta.atlassian.net autorisieren', {
        locale: 'de',
      }).signature,
    ).toMatchObject({ slug: 'site-admin-must-authorize-app', captures: { site: 'beta.atlassian.net' } });
    expect(
      index.search(
        'アプリがアカウントにアクセスする前に、サイト beta.atlassian.net のサイト管理者がこのアプリを承認する必要があります',
        { locale: 'ja' },
      ).signature,
    ).toMatchObject({ slug: 'site-admin-must-authorize-app', captures: { site: 'beta.atlassian.net' } });
  });

  it('falls back to English for articles not translated, each article once, the translation first', () => {
    const response = index.search('find the admins of your site', { locale: 'de' });
    const admins = response.results.find((r) => r.id === 'find-your-site-admins');
    expect(admins).toMatchObject({ locale: 'en', url: '/find-your-site-admins' });
    const ids = response.results.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    // an English query that finds a translated article shows the translation
    const revoke = index.search('revoke app', { locale: 'de' }).results.find((r) => r.id === 'revoke-an-app');
    expect(revoke).toMatchObject({
      locale: 'de',
      title: 'Eine App als Admin widerrufen oder deinstallieren',
    });
  });

  it('answers an English reader from the English index alone', () => {
    const response = index.search('revoke app', { locale: 'en' });
    expect(response.locale).toBe('en');
    expect(response.results.every((r) => r.locale === 'en')).toBe(true);
    expect(response.results[0]?.id).toBe('revoke-an-app');
  });

  it('filters by audience after the merge and counts facets before it', () => {
    const all = index.search('App', { locale: 'de' });
    const admins = index.search('App', { locale: 'de', audience: 'site-admin' });
    expect(admins.results.length).toBeGreaterThan(0);
    expect(admins.results.every((r) => r.audience === 'site-admin')).toBe(true);
    expect(admins.facets).toEqual(all.facets);
    expect(admins.total).toBeLessThan(all.total);
  });

  it('marks query words in German and Japanese snippets', () => {
    expect(top('Richtlinien', 'de')?.snippet).toContain('<mark>Richtlinie</mark>');
    expect(top('Schaltflaeche', 'de')?.snippet).toContain('<mark>Schaltfläche</mark>');
    expect(top('ポリシー', 'ja')?.snippet).toContain('<mark>ポリシー</mark>');
  });
});
