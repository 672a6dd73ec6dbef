import type { z } from 'zod';

/** A page's search parameters as Next.js hands them over: a repeated key arrives as an array. */
export type PageSearchParams = Record<string, string | string[] | undefined>;

export type PageParams<T> = { ok: true; params: T } | { ok: false; issue: { path: string; message: string } };

/** The keys an object schema knows, through refinements and defaults; undefined for anything else. */
function knownKeys(schema: z.ZodTypeAny): string[] | undefined {
  let current: z.ZodTypeAny = schema;
  for (;;) {
    const def = current._def as { typeName?: string; schema?: z.ZodTypeAny; innerType?: z.ZodTypeAny };
    if (def.typeName === 'ZodObject') return Object.keys((current as z.AnyZodObject).shape);
    const inner = def.schema ?? def.innerType;
    if (!inner) return undefined;
    current = inner;
  }
}

/**
 * The one way pages read their URL. Every page is linked to, bookmarked and hand-edited, so:
 * a repeated parameter counts with its first value (never an array, never a crash), an empty one
 * counts as absent (forms send empty fields), and parameters the schema does not know are ignored
 * (tracking tags, old links). What is left goes through the page's zod schema; the page decides
 * what a problem means (not found, or a default with a message).
 */
export function parsePageParams<S extends z.ZodTypeAny>(
  schema: S,
  searchParams: PageSearchParams,
): PageParams<z.output<S>> {
  const keys = knownKeys(schema);
  const values: Record<string, string> = {};
  for (const [key, raw] of Object.entries(searchParams)) {
    if (keys && !keys.includes(key)) continue;
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value !== undefined && value !== '') values[key] = value;
  }
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, params: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, issue: { path: issue?.path.join('.') ?? '', message: issue?.message ?? 'Invalid.' } };
}
