import { NextIntlClientProvider } from 'next-intl';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import de from '@/messages/de.json';
import en from '@/messages/en.json';
import ja from '@/messages/ja.json';
import { ArticleSources } from './ArticleSources';

const source = {
  title: 'Atlassian: Block app access',
  url: 'https://support.atlassian.com/security-and-access-policies/docs/block-app-access/',
  checked: '2026-12-05',
};
const MESSAGES = { en, de, ja };

function render(node: ReactNode, locale: keyof typeof MESSAGES = 'en') {
  return renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={MESSAGES[locale]} timeZone="UTC">
      {node}
    </NextIntlClientProvider>,
  );
}

describe('ArticleSources', () => {
  it('links every source and says when the article was checked against them', () => {
    const html = render(<ArticleSources sources={[source]} verified="2026-12-05" />);
    expect(html).toContain(`href="${source.url}"`);
    expect(html).toContain('Atlassian: Block app access');
    expect(html).toContain('Checked against these sources on');
    expect(html).toContain('December 5, 2026');
  });

  it("says it, with the date, in the reader's language", () => {
    expect(render(<ArticleSources sources={[source]} verified="2026-12-05" />, 'de')).toContain(
      '5. Dezember 2026',
    );
    expect(render(<ArticleSources sources={[source]} verified="2026-12-05" />, 'ja')).toContain(
      '2026年12月5日',
    );
  });

  it('leaves out the checked line when the article was never verified, and renders nothing without sources', () => {
    expect(render(<ArticleSources sources={[source]} />)).not.toContain('Checked against');
    expect(render(<ArticleSources sources={[]} />)).toBe('');
  });
});
