import 'server-only';
import { getArticles } from '@/lib/content/articles';
import type { Article } from '@/lib/content/validate';
import { createSearchIndex, type SearchIndex } from './index';
import { documentFromMarkdown } from './markdown-text';

const holder = globalThis as typeof globalThis & { __greenlightSearchIndex?: SearchIndex };

/** An index of the given articles, as the help center builds it. */
export function createArticleSearchIndex(articles: readonly Article[]): SearchIndex {
  return createSearchIndex(
    articles.map((article) =>
      documentFromMarkdown({
        id: article.slug,
        url: `/articles/${article.slug}`,
        markdown: article.body,
        data: article.frontmatter,
        format: 'mdx',
      }),
    ),
  );
}

/** The help center's index: built once per server process from the validated articles, then kept. */
export function getArticleSearchIndex(): SearchIndex {
  holder.__greenlightSearchIndex ??= createArticleSearchIndex(getArticles());
  return holder.__greenlightSearchIndex;
}
