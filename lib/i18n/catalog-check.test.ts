import { describe, expect, it } from 'vitest';
import { findCatalogProblems, flattenCatalog, usedMessageKeys } from './catalog-check';

describe('the message catalog check', () => {
  const code = [
    `const t = useTranslations('Header');\nt('articles'); t.rich('signIn', {});`,
    `const t = await getTranslations({ locale, namespace: 'Search' }); t('title');`,
    `const label = 'Footer.about';`,
  ];
  const used = usedMessageKeys(code);

  it('reads keys under the namespace each file opened, and full paths written out', () => {
    expect([...used]).toEqual(
      expect.arrayContaining(['Header.articles', 'Header.signIn', 'Search.title', 'Footer.about']),
    );
    expect(used.has('Search.articles')).toBe(false);
  });

  it('fails on a key missing in one language and on a key no code uses', () => {
    const en = flattenCatalog({
      Header: { articles: 'Articles', signIn: 'Sign in' },
      Search: { title: 'Search', old: 'x' },
      Footer: { about: 'About' },
    });
    const de = flattenCatalog({
      Header: { articles: 'Artikel', signIn: 'Anmelden' },
      Search: { title: 'Suche', old: 'x' },
      Footer: { about: 'Über' },
    });
    const ja = flattenCatalog({
      Header: { articles: '記事' },
      Search: { title: '検索', old: 'x' },
      Footer: { about: '概要' },
    });
    expect(findCatalogProblems({ en, de, ja }, used)).toEqual([
      '"Header.signIn" is missing in ja',
      '"Search.old" is used nowhere in the code',
    ]);
    expect(findCatalogProblems({ en, de }, used)).toEqual(['"Search.old" is used nowhere in the code']);
  });
});
