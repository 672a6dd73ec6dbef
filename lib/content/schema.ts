import { z } from 'zod';

export const PRODUCTS = ['jira', 'confluence', 'jsm', 'all'] as const;
export const AUDIENCES = ['everyone', 'site-admin', 'org-admin', 'developer'] as const;

export type Product = (typeof PRODUCTS)[number];
export type Audience = (typeof AUDIENCES)[number];

export const PRODUCT_LABELS: Record<Product, string> = {
  jira: 'Jira',
  confluence: 'Confluence',
  jsm: 'Jira Service Management',
  all: 'All products',
};

export const AUDIENCE_LABELS: Record<Audience, string> = {
  everyone: 'Everyone',
  'site-admin': 'Site admins',
  'org-admin': 'Organization admins',
  developer: 'App developers',
};

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

// YAML turns an unquoted 2026-11-20 into a Date; either form is accepted and kept as YYYY-MM-DD.
const dateField = z
  .union([z.date(), z.string().regex(isoDate, 'use the form YYYY-MM-DD')])
  .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value))
  .refine((value) => !Number.isNaN(Date.parse(value)), 'is not a real date');

const errorSignatureSchema = z
  .string()
  .trim()
  .min(8, 'an error signature needs at least 8 characters')
  .max(400)
  .refine((value) => !/\{(?![a-z][a-zA-Z0-9]*\})/.test(value), 'placeholders look like {name}');

/** Where an article's facts come from: Atlassian's own page, and when someone last checked it. */
const sourceSchema = z
  .object({
    title: z.string().trim().min(3).max(200),
    url: z
      .string()
      .url()
      .refine((value) => value.startsWith('https://'), 'use an https:// address'),
    checked: dateField,
  })
  .strict();

export const frontmatterSchema = z
  .object({
    title: z.string().trim().min(3).max(120),
    summary: z.string().trim().min(10).max(300),
    products: z.array(z.enum(PRODUCTS)).min(1),
    audience: z.enum(AUDIENCES),
    platform: z.literal('cloud'),
    updated: dateField,
    // A tag like 429 parses as a YAML number; it is still meant as text.
    tags: z
      .array(z.union([z.string(), z.number()]).transform(String).pipe(z.string().trim().min(1).max(40)))
      // A translation keeps the English tags beside its own, so English words still find it.
      .max(24)
      .default([]),
    related: z.array(z.string().regex(slugPattern, 'is not an article slug')).max(8).default([]),
    errorSignatures: z.array(errorSignatureSchema).max(10).default([]),
    // content:check requires sources on every article and reports those not verified lately.
    sources: z.array(sourceSchema).max(12).default([]),
    verified: dateField.optional(),
    // A translation's English version (translation-hash.ts); absent on English articles.
    translatedFrom: z
      .string()
      .regex(/^[0-9a-f]{12}$/, 'is not an English version hash (npm run content:hash <slug>)')
      .optional(),
  })
  .strict();

export type Frontmatter = z.infer<typeof frontmatterSchema>;

export const isValidSlug = (slug: string) => slugPattern.test(slug);
