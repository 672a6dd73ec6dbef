import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadArticles } from './articles';
import { getLocalizedArticle, getTranslatedArticles, loadTranslations } from './localized-articles';
import { englishVersionHash } from './translation-hash';

describe('englishVersionHash', () => {
  it('is the first 12 hex digits of the SHA-256 of the file as stored', () => {
    // sha256("hello") = 2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824
    expect(englishVersionHash('hello')).toBe('2cf24dba5fb0');
    expect(englishVersionHash('hello\n')).not.toBe(englishVersionHash('hello'));
  });
});

describe('an article in the reader’s language (fixture content)', () => {
  it('shows the German translation when there is one, made from the current English', () => {
    const shown = getLocalizedArticle('de', 'revoke-an-app')!;
    expect(shown).toMatchObject({ locale: 'de', state: 'current' });
    expect(shown.article.frontmatter.title).toBe('Eine App als Admin widerrufen oder deinstallieren');
  });

  it('falls back to English, saying so, when the article is not translated', () => {
    const shown = getLocalizedArticle('de', 'pre-approve-apps')!;
    expect(shown).toMatchObject({ locale: 'en', state: 'untranslated' });
    expect(shown.article.path).toMatch(/articles\/pre-approve-apps\.mdx$/);
  });

  it('serves English readers the English article, and nothing for an unknown slug', () => {
    expect(getLocalizedArticle('en', 'revoke-an-app')).toMatchObject({ locale: 'en', state: 'current' });
    expect(getLocalizedArticle('ja', 'no-such-article')).toBeUndefined();
  });

  it('never lists a translation of an article English does not have', () => {
    expect(getTranslatedArticles('ja').map((a) => a.slug).sort()).toEqual([
      'app-access-rules',
      'site-admin-must-authorize-app',
    ]);
  });
});

describe('loadTranslations', () => {
  let root: string;
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function write(file: string, source: string) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), source);
  }
  const article = (title: string, extra = '') =>
    `---\ntitle: "${title}"\nsummary: "A summary of ten characters or more."\nproducts: [all]\naudience: everyone\nplatform: cloud\nupdated: 2026-12-01\n${extra}---\n\nBody [link](/articles/other).\n`;

  it('reports a translation as stale once its English file changes, and one without a hash as stale', () => {
    root = mkdtempSync(path.join(tmpdir(), 'translations-'));
    write('guide.mdx', article('Guide'));
    write('other.mdx', article('Other'));
    const hash = englishVersionHash(readFileSync(path.join(root, 'guide.mdx'), 'utf8'));
    write('de/guide.mdx', article('Anleitung', `translatedFrom: "${hash}"\n`));
    write('de/other.mdx', article('Andere'));
    const english = () => loadArticles(root);

    let result = loadTranslations(root, 'de', english());
    expect(result.problems).toEqual([]);
    expect(result.stale.map((s) => s.slug)).toEqual(['other']);

    write('guide.mdx', article('Guide, rewritten'));
    result = loadTranslations(root, 'de', english());
    expect(result.stale.map((s) => s.slug).sort()).toEqual(['guide', 'other']);
    expect(result.stale.find((s) => s.slug === 'guide')).toMatchObject({ recorded: hash });
  });

  it('names a translation of a missing English article, and a malformed hash', () => {
    root = mkdtempSync(path.join(tmpdir(), 'translations-'));
    write('other.mdx', article('Other'));
    write('de/ghost.mdx', article('Geist', 'translatedFrom: "000000000000"\n'));
    write('de/other.mdx', article('Andere', 'translatedFrom: "fixture"\n'));
    const result = loadTranslations(root, 'de', loadArticles(root));
    expect(result.orphans).toEqual([expect.stringMatching(/de\/ghost\.mdx$/)]);
    expect(result.problems).toEqual([
      expect.objectContaining({ field: 'translatedFrom', path: expect.stringMatching(/de\/other\.mdx$/) }),
    ]);
  });
});
