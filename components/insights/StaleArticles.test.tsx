import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { StaleArticles } from './StaleArticles';

describe('StaleArticles', () => {
  it('lists each stale article with a link and how long ago it was verified, or that it never was', () => {
    const html = renderToStaticMarkup(
      <StaleArticles
        articles={[
          { slug: 'never', title: 'Never checked', verified: null, ageDays: null },
          { slug: 'old', title: 'Checked long ago', verified: '2026-01-10', ageDays: 329 },
        ]}
      />,
    );
    expect(html).toContain('href="/articles/never"');
    expect(html).toContain('never verified');
    expect(html).toContain('href="/articles/old"');
    expect(html).toContain('verified 2026-01-10 (329 days ago)');
  });

  it('says so when every article is fresh', () => {
    expect(renderToStaticMarkup(<StaleArticles articles={[]} />)).toContain(
      'Every article was verified in the last 180 days.',
    );
  });
});
