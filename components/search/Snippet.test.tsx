import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { stem } from '@/lib/search/analyze';
import { makeSnippet, termMatcher } from '@/lib/search/snippet';
import { Snippet } from './Snippet';

describe('Snippet', () => {
  it('renders matches as <mark> and keeps escaped markup inert', () => {
    const html = renderToStaticMarkup(
      <Snippet html={'An article with &lt;img src=x onerror=alert(1)&gt; and a <mark>site</mark> admin'} />,
    );
    expect(html).toContain('<mark');
    expect(html).toContain('>site</mark>');
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('never turns a snippet into live elements, even if one arrives unescaped', () => {
    const html = renderToStaticMarkup(<Snippet html={'<script>alert(1)</script> <mark><b>x</b></mark>'} />);
    expect(html).not.toMatch(/<script|<b>/i);
  });
});

describe('Snippet with what the search index writes', () => {
  it('shows quotes from the pasted error as quotes, not as entities', () => {
    const html = renderToStaticMarkup(
      <Snippet
        html={makeSnippet(
          'Users see "Your site admin must authorize this app" when they connect.',
          '',
          termMatcher([stem('admin')], []),
        )}
      />,
    );
    expect(html).not.toContain('&amp;#34;');
    expect(html).not.toContain('&amp;quot;');
    expect(html).toContain('Users see &quot;Your site </span><mark');
  });
});
