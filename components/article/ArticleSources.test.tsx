import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ArticleSources } from './ArticleSources';

const source = {
  title: 'Atlassian: Block app access',
  url: 'https://support.atlassian.com/security-and-access-policies/docs/block-app-access/',
  checked: '2026-12-05',
};

describe('ArticleSources', () => {
  it('links every source and says when the article was checked against them', () => {
    const html = renderToStaticMarkup(<ArticleSources sources={[source]} verified="2026-12-05" />);
    expect(html).toContain(`href="${source.url}"`);
    expect(html).toContain('Atlassian: Block app access');
    expect(html).toContain('Checked against these sources on');
    expect(html).toContain('5 December 2026');
  });

  it('leaves out the checked line when the article was never verified, and renders nothing without sources', () => {
    expect(renderToStaticMarkup(<ArticleSources sources={[source]} />)).not.toContain('Checked against');
    expect(renderToStaticMarkup(<ArticleSources sources={[]} />)).toBe('');
  });
});
