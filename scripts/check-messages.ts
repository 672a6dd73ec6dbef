// The message catalogs (messages/<locale>.json) against each other and the code: fails on a key
// missing in any language, or defined but used nowhere. Part of `npm run lint`.
//
// A key counts as used when the code names it: `t('key')` (also t.rich, t.markup, t.has) in a
// file that opened its namespace with useTranslations('Ns') or getTranslations('Ns'), or its full
// path 'Ns.key' as a string anywhere. Written by hand: next-intl checks types, not unused keys.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { findCatalogProblems, flattenCatalog, usedMessageKeys } from '../lib/i18n/catalog-check';
import { LOCALES } from '../lib/i18n/locales';

const ROOTS = ['app', 'components', 'lib'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

const catalogs = Object.fromEntries(
  LOCALES.map((locale) => [
    locale,
    flattenCatalog(JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as Record<string, unknown>),
  ]),
);
const used = usedMessageKeys(ROOTS.flatMap(sourceFiles).map((file) => readFileSync(file, 'utf8')));
const problems = findCatalogProblems(catalogs, used);
for (const problem of problems) console.error(`messages: ${problem}`);
if (problems.length > 0) process.exit(1);
