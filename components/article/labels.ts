import type { Audience, Product } from '@/lib/content/schema';

// The catalog key of each product and audience name, written out in full so the message check
// (scripts/check-messages.ts) sees every one used; `t(PRODUCT_LABEL_KEYS[product])` with the
// root translator (useTranslations() / getTranslations()).
export const PRODUCT_LABEL_KEYS: Record<Product, string> = {
  jira: 'Article.productJira',
  confluence: 'Article.productConfluence',
  jsm: 'Article.productJsm',
  all: 'Article.productAll',
};

export const AUDIENCE_LABEL_KEYS: Record<Audience, string> = {
  everyone: 'Article.audienceEveryone',
  'site-admin': 'Article.audienceSiteAdmin',
  'org-admin': 'Article.audienceOrgAdmin',
  developer: 'Article.audienceDeveloper',
};
