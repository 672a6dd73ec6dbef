import { z } from 'zod';
import { AUDIENCES, PRODUCTS, type Audience, type Product } from './schema';
import type { Article } from './validate';

/** Articles for a product include those marked "all" products. */
export function filterArticles(articles: Article[], filter: { product?: Product; audience?: Audience }): Article[] {
  return articles.filter(
    (article) =>
      (!filter.product ||
        article.frontmatter.products.includes(filter.product) ||
        article.frontmatter.products.includes('all')) &&
      (!filter.audience || article.frontmatter.audience === filter.audience),
  );
}

export function recentlyUpdated(articles: Article[], count: number): Article[] {
  return [...articles]
    .sort((a, b) => b.frontmatter.updated.localeCompare(a.frontmatter.updated) || a.slug.localeCompare(b.slug))
    .slice(0, count);
}

function countBy<K extends string>(articles: Article[], keys: readonly K[], has: (a: Article, k: K) => boolean) {
  return Object.fromEntries(keys.map((key) => [key, articles.filter((a) => has(a, key)).length])) as Record<K, number>;
}

export const productCounts = (articles: Article[]) =>
  countBy(
    articles,
    PRODUCTS.filter((p) => p !== 'all'),
    (a, p) => a.frontmatter.products.includes(p) || a.frontmatter.products.includes('all'),
  );

export const audienceCounts = (articles: Article[]) =>
  countBy(articles, AUDIENCES, (a, audience) => a.frontmatter.audience === audience);

/** The browse filters of /articles and /search in the URL; an unknown value is no filter. */
export const browseParamsSchema = z.object({
  product: z.enum(PRODUCTS).optional().catch(undefined),
  audience: z.enum(AUDIENCES).optional().catch(undefined),
});
