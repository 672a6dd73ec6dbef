import 'server-only';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { getArticle } from './articles';
import { contentPaths } from './paths';
import type { Article } from './validate';

const featuredSchema = z.object({ popular: z.array(z.string()) }).strict();

/** The editors' "popular" slugs from featured.json (scripts/check-content.ts checks each exists). */
export function loadFeaturedSlugs(file: string = contentPaths().featured): string[] {
  return featuredSchema.parse(JSON.parse(readFileSync(file, 'utf8'))).popular;
}

let cached: string[] | undefined;

/** The editors' "popular" list; an unknown slug there is a content error, caught before a build. */
export function popularArticles(): Article[] {
  cached ??= loadFeaturedSlugs();
  return cached.map((slug) => getArticle(slug)).filter((a): a is Article => a !== undefined);
}
