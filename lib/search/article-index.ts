import 'server-only';
import { getArticles } from '@/lib/content/articles';
import { getTranslatedArticles } from '@/lib/content/localized-articles';
import type { Article } from '@/lib/content/validate';
import { createSearchIndex, type SearchIndex } from './index';
import { createLocalizedSearchIndex, type LocalizedSearchIndex } from './localized-index';
import { DEFAULT_SEARCH_LOCALE, type SearchLocale } from './locales';
import { documentFromMarkdown } from './markdown-text';

const holder = globalThis as typeof globalThis & {
  __greenlightSearchIndex?: SearchIndex;
  __greenlightLocalizedSearchIndex?: LocalizedSearchIndex;
};

function toDocument(article: Article, url: string) {
  return documentFromMarkdown({
    id: article.slug,
    url,
    markdown: article.body,
    data: article.frontmatter,
    format: 'mdx',
  });
}

/** An index of the given articles, as the help center builds it. */
export function createArticleSearchIndex(articles: readonly Article[]): SearchIndex {
  return createSearchIndex(articles.map((article) => toDocument(article, `/articles/${article.slug}`)));
}

/** `/articles/<slug>` in English, `/<locale>/articles/<slug>` in the other languages. */
export function localizedArticleUrl(locale: SearchLocale, slug: string): string {
  return locale === DEFAULT_SEARCH_LOCALE ? `/articles/${slug}` : `/${locale}/articles/${slug}`;
}

/**
 * The help center's index in every language it has articles in (English required): build it once
 * per process from each language's validated articles, then `search(q, { locale, product,
 * audience, limit })` and `toSearchAnswer(q, response)`. Results come in the reader's language
 * first, English for articles not translated; each says its `locale`, and its `url` is the
 * article's address in that language (`articleUrl`, by default `localizedArticleUrl`).
 */
export function createLocalizedArticleSearchIndex(
  articles: Partial<Record<SearchLocale, readonly Article[]>> & { en: readonly Article[] },
  articleUrl: (locale: SearchLocale, slug: string) => string = localizedArticleUrl,
): LocalizedSearchIndex {
  const documents = Object.fromEntries(
    Object.entries(articles).map(([locale, list]) => [
      locale,
      (list ?? []).map((article) => toDocument(article, articleUrl(locale as SearchLocale, article.slug))),
    ]),
  ) as unknown as Parameters<typeof createLocalizedSearchIndex>[0];
  return createLocalizedSearchIndex(documents);
}

/** The help center's index: built once per server process from the validated articles, then kept. */
export function getArticleSearchIndex(): SearchIndex {
  holder.__greenlightSearchIndex ??= createArticleSearchIndex(getArticles());
  return holder.__greenlightSearchIndex;
}

/** The index in every language (translations from `articles/<locale>/`), built once per process. */
export function getLocalizedArticleSearchIndex(): LocalizedSearchIndex {
  holder.__greenlightLocalizedSearchIndex ??= createLocalizedArticleSearchIndex({
    en: getArticles(),
    de: getTranslatedArticles('de'),
    ja: getTranslatedArticles('ja'),
  });
  return holder.__greenlightLocalizedSearchIndex;
}
