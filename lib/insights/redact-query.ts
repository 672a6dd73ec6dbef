/**
 * Normalises a search query for the log and strips what could identify a person or unlock
 * something: e-mail addresses, bearer tokens and API keys, long ids, and URL query strings.
 * The words that say what people look for stay.
 */
const RULES: Array<[RegExp, string]> = [
  [/\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g, '[email]'],
  [/\b(?:bearer|token|basic)\s+[\w\-.~+/]{8,}=*/gi, '[token]'],
  [/\b(?:gh[pousr]_|xox[abpr]-|sk-|ATATT|eyJ)[\w\-.]{8,}/g, '[token]'],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '[id]'],
  [/\b(?=[a-z]*\d)[a-z0-9]{16,}\b/gi, '[id]'],
  [/\b\d{6,}\b/g, '[id]'],
  [/([?&][\w.-]+)=[^\s&#]+/g, '$1=…'],
];

const MAX_LOGGED_QUERY = 200;

export function redactQuery(query: string): string {
  let text = query.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
  for (const [pattern, replacement] of RULES) text = text.replace(pattern, replacement);
  return text.slice(0, MAX_LOGGED_QUERY);
}
