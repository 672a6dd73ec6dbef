import { NextIntlClientProvider } from 'next-intl';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import de from '@/messages/de.json';
import en from '@/messages/en.json';
import ja from '@/messages/ja.json';
import type { StaleArticle } from '@/lib/content/freshness';
import { StaleArticles } from './StaleArticles';

const CATALOGS = { en, de, ja };

function render(locale: keyof typeof CATALOGS, articles: StaleArticle[]): string {
  return renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={CATALOGS[locale]} timeZone="UTC">
      <StaleArticles articles={articles} />
    </NextIntlClientProvider>,
  );
}

const ARTICLES: StaleArticle[] = [
  { slug: 'never', title: 'Never checked', verified: null, ageDays: null },
  { slug: 'old', title: 'Checked long ago', verified: '2026-01-10', ageDays: 329 },
];

describe('StaleArticles', () => {
  it('lists each stale article with a link and how long ago it was verified, or that it never was', () => {
    const html = render('en', ARTICLES);
    expect(html).toContain('href="/articles/never"');
    expect(html).toContain('never verified');
    expect(html).toContain('href="/articles/old"');
    expect(html).toContain('verified Jan 10, 2026 (329 days ago)');
  });

  it('speaks the reader’s language, dates included, and links within it', () => {
    const german = render('de', ARTICLES);
    expect(german).toContain('href="/de/articles/old"');
    expect(german).toContain('geprüft am 10.01.2026 (vor 329 Tagen)');
    expect(german).toContain('nie geprüft');
    expect(render('ja', ARTICLES)).toContain('2026/01/10 に確認 (329 日前)');
  });

  it('says so when every article is fresh', () => {
    expect(render('en', [])).toContain('Every article was verified in the last 180 days.');
  });
});
