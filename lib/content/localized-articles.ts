import 'server-only';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { getArticles, loadPartials } from './articles';
import { contentPaths } from './paths';
import { englishVersionHash } from './translation-hash';
import {
  ContentError,
  validateArticles,
  type Article,
  type ContentProblem,
  type SourceFile,
} from './validate';

/**
 * Articles in the reader's language. English is `articles/<slug>.mdx`; a translation is
 * `articles/<locale>/<slug>.mdx` with the same slug and `translatedFrom: <hash>` of the English file
 * it was made from (translation-hash.ts). A slug with no translation is shown in English, saying so.
 */

/** How a page shows an article in the reader's language. */
export type TranslationState =
  /** Translated from the current English. */
  | 'current'
  /** Translated from an older English version (or one not recorded): shown, with a notice. */
  | 'stale'
  /** No translation: the English article, with a notice. */
  | 'untranslated';

export interface LocalizedArticle {
  /** What the page shows: the translation, or the English article. */
  article: Article;
  /** The language `article` is written in. */
  locale: string;
  state: TranslationState;
}

function readSourceFiles(dir: string): SourceFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.mdx') || name.endsWith('.md'))
    .sort()
    .map((name) => ({
      path: path.relative(process.cwd(), path.join(dir, name)),
      source: readFileSync(path.join(dir, name), 'utf8'),
    }));
}

/** The English version hash of each English article, by slug. */
export function englishVersionHashes(articlesDir: string): Map<string, string> {
  return new Map(
    readSourceFiles(articlesDir).map((file) => [
      path.basename(file.path).replace(/\.mdx?$/, ''),
      englishVersionHash(file.source),
    ]),
  );
}

export interface Translations {
  articles: Article[];
  problems: ContentProblem[];
  /** Files that translate no English article (content:check fails on them; pages never show them). */
  orphans: string[];
  /** Translations whose `translatedFrom` is not the English file's hash now. */
  stale: Array<{ path: string; slug: string; recorded?: string; current: string }>;
}

/**
 * Reads and validates one language's translations against the English articles: each must
 * translate an existing English article, and its links may point at any English slug.
 */
export function loadTranslations(articlesDir: string, locale: string, english: readonly Article[]): Translations {
  const hashes = englishVersionHashes(articlesDir);
  const { articles, problems } = validateArticles(readSourceFiles(path.join(articlesDir, locale)), {
    knownSlugs: new Set(english.map((article) => article.slug)),
    // The language's own partials (partials/<locale>/), English where it has none.
    partials: loadPartials(path.join(articlesDir, '..', 'partials'), locale),
  });
  const stale: Translations['stale'] = [];
  const orphans: string[] = [];
  const translated: Article[] = [];
  for (const article of articles) {
    const current = hashes.get(article.slug);
    if (current === undefined) {
      orphans.push(article.path);
      continue;
    }
    translated.push(article);
    if (article.frontmatter.translatedFrom !== current) {
      stale.push({ path: article.path, slug: article.slug, recorded: article.frontmatter.translatedFrom, current });
    }
  }
  return { articles: translated, problems, orphans, stale };
}

const cache = new Map<string, Translations>();

function translationsFor(locale: string): Translations {
  let translations = cache.get(locale);
  if (!translations) {
    translations = loadTranslations(contentPaths().articles, locale, getArticles());
    if (translations.problems.length > 0) throw new ContentError(translations.problems);
    cache.set(locale, translations);
  }
  return translations;
}

/** A language's translated articles (none for English: English is the original). */
export function getTranslatedArticles(locale: string, defaultLocale = 'en'): Article[] {
  return locale === defaultLocale ? [] : translationsFor(locale).articles;
}

/** The article as a reader of `locale` sees it; undefined when no such article exists in English. */
export function getLocalizedArticle(locale: string, slug: string, defaultLocale = 'en'): LocalizedArticle | undefined {
  const english = getArticles().find((article) => article.slug === slug);
  if (!english) return undefined;
  if (locale === defaultLocale) return { article: english, locale: defaultLocale, state: 'current' };
  const translations = translationsFor(locale);
  const translated = translations.articles.find((article) => article.slug === slug);
  if (!translated) return { article: english, locale: defaultLocale, state: 'untranslated' };
  const stale = translations.stale.some((entry) => entry.slug === slug);
  return { article: translated, locale, state: stale ? 'stale' : 'current' };
}

/** Articles for a list (related, popular, flow outcomes) in the reader's language where translated. */
export function localizedArticles(locale: string, slugs: readonly string[]): LocalizedArticle[] {
  return slugs
    .map((slug) => getLocalizedArticle(locale, slug))
    .filter((entry): entry is LocalizedArticle => entry !== undefined);
}
