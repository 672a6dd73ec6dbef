/**
 * The checks behind scripts/check-messages.ts, pure so they can be tested: every key in every
 * language, and every key used by the code.
 */

/** `{ a: { b: 'x' } }` → `{ 'a.b': 'x' }`. */
export function flattenCatalog(catalog: Record<string, unknown>, prefix = ''): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(catalog)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object')
      Object.assign(flat, flattenCatalog(value as Record<string, unknown>, name));
    else flat[name] = String(value);
  }
  return flat;
}

const NAMESPACE = /\b(?:useTranslations|getTranslations)\(\s*(?:\{[^}]*?namespace:\s*)?['"]([\w.]+)['"]/g;
const CALL = /\bt(?:\.rich|\.markup|\.has)?\(\s*['"]([\w.]+)['"]/g;
const LITERAL = /['"`]([A-Za-z][\w]*(?:\.[\w]+)+)['"`]/g;

/** Every key the sources name, as full paths (see scripts/check-messages.ts for the rules). */
export function usedMessageKeys(sources: readonly string[]): Set<string> {
  const used = new Set<string>();
  for (const source of sources) {
    const namespaces = [...source.matchAll(NAMESPACE)].map((m) => m[1]!);
    for (const [, key] of source.matchAll(CALL)) for (const ns of namespaces) used.add(`${ns}.${key}`);
    for (const [, literal] of source.matchAll(LITERAL)) used.add(literal!);
  }
  return used;
}

/** Missing keys per language (against the union of all languages) and keys no code uses. */
export function findCatalogProblems(
  catalogs: Record<string, Record<string, string>>,
  used: ReadonlySet<string>,
): string[] {
  const problems: string[] = [];
  const all = new Set(Object.values(catalogs).flatMap((catalog) => Object.keys(catalog)));
  for (const [locale, catalog] of Object.entries(catalogs)) {
    for (const key of all) if (!(key in catalog)) problems.push(`"${key}" is missing in ${locale}`);
  }
  for (const key of [...all].sort())
    if (!used.has(key)) problems.push(`"${key}" is used nowhere in the code`);
  return problems;
}
