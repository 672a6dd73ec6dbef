import type { PlaceholderName } from './checks';

export type TemplateValues = Partial<Record<PlaceholderName, string>>;

/**
 * What text says for each placeholder whose value is unknown, in the text's language: words, or
 * words chosen by the text before the placeholder (German declines "Ihre Site" after "auf").
 */
export type TextDefault = string | ((before: string) => string);
export type TextDefaults = Record<PlaceholderName, TextDefault>;

// English, for English flow text and for tools (insights' step names): readable, never a raw
// "{site}". A page in another language passes its own words (the troubleshooter's catalog).
export const ENGLISH_TEXT_DEFAULTS: TextDefaults = {
  site: 'your site',
  siteName: 'your site',
  cloudId: 'your site',
  app: 'the app',
  email: 'this account',
  product: 'a product',
  ip: 'your network address',
};

/** Fills {placeholders} in node text; unknown values read naturally ("your site", "the app"). */
export function fillText(
  template: string,
  values: TemplateValues,
  defaults: TextDefaults = ENGLISH_TEXT_DEFAULTS,
): string {
  return template.replace(/\{([a-zA-Z]+)\}/g, (whole, name: string, offset: number) => {
    if (!(name in defaults)) return whole;
    const value = values[name as PlaceholderName];
    if (value !== undefined) return value;
    const fallback = defaults[name as PlaceholderName];
    return typeof fallback === 'string' ? fallback : fallback(template.slice(0, offset));
  });
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
export function fillMarkdown(
  template: string,
  values: TemplateValues,
  defaults: TextDefaults = ENGLISH_TEXT_DEFAULTS,
): string {
  const escaped: TemplateValues = {};
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined) escaped[name as PlaceholderName] = value.replace(MARKDOWN_SPECIAL, '\\$&');
  }
  return fillText(template, escaped, defaults);
}
