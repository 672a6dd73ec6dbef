import 'server-only';
import featured from '@/content/featured.json';
import { getArticle } from './articles';
import type { Article } from './validate';

/** The editors' "popular" list; an unknown slug there is a content error, caught in tests. */
export function popularArticles(): Article[] {
  return featured.popular.map((slug) => getArticle(slug)).filter((a): a is Article => a !== undefined);
}

export const featuredSlugs: readonly string[] = featured.popular;
