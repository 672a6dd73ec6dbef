import { NextIntlClientProvider } from 'next-intl';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import de from '@/messages/de.json';
import en from '@/messages/en.json';
import ja from '@/messages/ja.json';
import { checkAuthorizeUrl } from '@/lib/flows/check-authorize-url';
import { AuthorizeUrlChecker } from './AuthorizeUrlChecker';

const CATALOGS = { en, de, ja };

// A URL with most of the documented mistakes: wrong host, comma-separated scopes, an http callback.
const BAD_URL =
  'https://auth.example.com/authorize?client_id=abc&scope=read:jira-work,read:me&redirect_uri=http%3A%2F%2Fapp.example.com%2Fcb&response_type=token';

function render(locale: keyof typeof CATALOGS, url: string): string {
  return renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={CATALOGS[locale]} timeZone="UTC">
      <AuthorizeUrlChecker action="/troubleshoot/authorize-url" initialUrl={url} />
    </NextIntlClientProvider>,
  );
}

describe('AuthorizeUrlChecker', () => {
  it('explains each problem with its fix in English, quoting what the URL says', () => {
    const html = render('en', BAD_URL);
    expect(html).toContain(
      'The address is https://auth.example.com/authorize, not Atlassian&#x27;s authorize endpoint.',
    );
    expect(html).toContain('response_type is &quot;token&quot;.');
    expect(html).toContain('Separate scopes with spaces, not commas.');
    expect(html).toContain('redirect_uri uses http.');
  });

  it('speaks German and Japanese, with no English sentence left', () => {
    const german = render('de', BAD_URL);
    expect(german).toContain(
      'Die Adresse ist https://auth.example.com/authorize, nicht der Autorisierungs-Endpunkt von Atlassian.',
    );
    expect(german).toContain('response_type ist „token“.');
    expect(german).toContain('Trennen Sie Scopes durch Leerzeichen, nicht durch Kommas.');
    expect(german).not.toMatch(/\b(?:is missing|Add |Use |Send )/);
    const japanese = render('ja', BAD_URL);
    expect(japanese).toContain('redirect_uri が http を使用しています。');
    expect(japanese).toContain('スコープはカンマではなくスペースで区切ります。');
    expect(japanese).not.toMatch(/\b(?:is missing|Add |Use |Send )/);
  });

  it('has words in every language for every problem the checker reports', () => {
    const report = checkAuthorizeUrl('https://auth.atlassian.com/authorize?scope=');
    expect(report.problems.map((problem) => problem.code)).toEqual(
      expect.arrayContaining(['audienceMissing', 'clientIdMissing', 'scopeMissing', 'stateMissing']),
    );
    for (const locale of ['en', 'de', 'ja'] as const) {
      const html = render(locale, 'https://auth.atlassian.com/authorize?scope=');
      expect(html).not.toContain('Wizard.urlProblems');
      expect(html).toContain(
        locale === 'en'
          ? 'client_id is missing.'
          : locale === 'de'
            ? 'client_id fehlt.'
            : 'client_id がありません。',
      );
    }
  });
});
