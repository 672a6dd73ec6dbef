import type { PlaceholderName } from './checks';

export type TemplateValues = Partial<Record<PlaceholderName, string>>;

// What text says when a value is unknown: readable, never a raw "{site}".
const TEXT_DEFAULTS: Record<PlaceholderName, string> = {
  site: 'your site',
  siteName: 'your site',
  cloudId: 'your site',
  app: 'the app',
  email: 'this account',
  product: 'a product',
  ip: 'your network address',
};

/** Fills {placeholders} in node text; unknown values read naturally ("your site", "the app"). */
export function fillText(template: string, values: TemplateValues): string {
  return template.replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) =>
    name in TEXT_DEFAULTS
      ? (values[name as PlaceholderName] ?? TEXT_DEFAULTS[name as PlaceholderName])
      : whole,
  );
}

/**
 * Fills placeholders in a link, URL-encoding each value. When a value is missing, the fallback link
 * is used instead of a half-built URL (e.g. no cloud id for an anonymous visitor).
 */
export function fillHref(href: string, values: TemplateValues, fallbackHref?: string): string | undefined {
  let missing = false;
  const filled = href.replace(/\{([a-zA-Z]+)\}/g, (_whole, name: string) => {
    const value = values[name as PlaceholderName];
    if (value === undefined) missing = true;
    return encodeURIComponent(value ?? '');
  });
  if (!missing) return filled;
  return fallbackHref && !/\{[a-zA-Z]+\}/.test(fallbackHref) ? fallbackHref : undefined;
}

// Values come from the URL: escaped so an app "name" cannot smuggle a Markdown link into the page.
const MARKDOWN_SPECIAL = /[\\`*_{}[\]()<>#+\-.!|~]/g;

/** Fills placeholders in Markdown text, with each value escaped so it stays plain text. */
export function fillMarkdown(template: string, values: TemplateValues): string {
  const escaped: TemplateValues = {};
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined) escaped[name as PlaceholderName] = value.replace(MARKDOWN_SPECIAL, '\\$&');
  }
  return fillText(template, escaped);
}
