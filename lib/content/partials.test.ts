import { describe, expect, it } from 'vitest';
import { expandPartials, nestedPartials, partialsForLocale } from './partials';
import { validateArticles } from './validate';

const partials = new Map([
  ['menu-names-may-differ', 'Menu names may differ on your screen.'],
  ['two-lines', 'First line.\n\nSecond line.'],
]);

describe('expandPartials', () => {
  it('replaces a tag on its own line with the partial text and reports what it used', () => {
    const { body, unknown, used } = expandPartials('Intro.\n\n<Partial name="menu-names-may-differ" />\n\nEnd.', partials);
    expect(body).toBe('Intro.\n\nMenu names may differ on your screen.\n\nEnd.');
    expect(unknown).toEqual([]);
    expect(used).toEqual(['menu-names-may-differ']);
  });

  it('indents every line of the partial like the tag, so it stays inside a list item', () => {
    expect(expandPartials('1. Step\n   <Partial name="two-lines" />', partials).body).toBe(
      '1. Step\n   First line.\n\n   Second line.',
    );
  });

  it('reports an unknown name and leaves the line alone', () => {
    const { body, unknown } = expandPartials('<Partial name="no-such-thing" />', partials);
    expect(unknown).toEqual(['no-such-thing']);
    expect(body).toBe('<Partial name="no-such-thing" />');
  });

  it('does not touch a tag shown inside a fenced code block', () => {
    const source = '```mdx\n<Partial name="menu-names-may-differ" />\n```';
    expect(expandPartials(source, partials)).toEqual({ body: source, unknown: [], used: [] });
  });
});

describe('partialsForLocale', () => {
  it('takes the locale variant where there is one and the default elsewhere', () => {
    const resolved = partialsForLocale(
      [
        { name: 'a', source: 'English A\n' },
        { name: 'b', source: 'English B' },
      ],
      [{ name: 'a', source: 'Deutsch A' }],
    );
    expect(Object.fromEntries(resolved)).toEqual({ a: 'Deutsch A', b: 'English B' });
  });
});

describe('nestedPartials', () => {
  it('names a partial that includes another', () => {
    expect(nestedPartials(new Map([['outer', 'x\n<Partial name="inner" />'], ['inner', 'y']]))).toEqual(['outer']);
  });
});

describe('validateArticles with partials', () => {
  const frontmatter = [
    '---',
    'title: An article',
    'summary: A summary long enough.',
    'products: [all]',
    'audience: everyone',
    'platform: cloud',
    'updated: 2026-12-01',
    '---',
  ].join('\n');

  it('expands partials before outlining, so their headings and links are checked like the article text', () => {
    const withHeading = new Map([['caveat', '## A shared caveat\n\nSee [the missing one](/articles/missing).']]);
    const { articles, problems } = validateArticles(
      [{ path: 'content/articles/one.mdx', source: `${frontmatter}\n\n<Partial name="caveat" />\n` }],
      { partials: withHeading },
    );
    expect(problems.map((p) => p.message)).toEqual(['link to missing article "missing"']);
    expect(articles[0]!.headings.map((h) => h.id)).toEqual(['a-shared-caveat']);
    expect(articles[0]!.body).toContain('## A shared caveat');
  });

  it('fails an article that names a partial that does not exist', () => {
    const { problems } = validateArticles([
      { path: 'content/articles/one.mdx', source: `${frontmatter}\n\n<Partial name="typo-name" />\n` },
    ]);
    expect(problems).toEqual([{ path: 'content/articles/one.mdx', field: 'partial', message: 'no partial named "typo-name"' }]);
  });
});
