import 'server-only';
import { getArticles } from '@/lib/content/articles';
import { createSearchIndex, type SearchIndex } from './index';
import { documentFromMarkdown } from './markdown-text';

const holder = globalThis as typeof globalThis & { __greenlightSearchIndex?: SearchIndex };

/** The help center's index: built once per server process from the validated articles, then kept. */
export function getArticleSearchIndex(): SearchIndex {
  holder.__greenlightSearchIndex ??= createSearchIndex(
    getArticles().map((article) =>
      documentFromMarkdown({
        id: article.slug,
        url: `/articles/${article.slug}`,
        markdown: article.body,
        data: article.frontmatter,
        format: 'mdx',
      }),
    ),
  );
  return holder.__greenlightSearchIndex;
}
