import type { Analyzer } from './analyzer';
import { englishAnalyzer } from './english';
import { cleanQuery } from './query-noise';
import { NEGATIONS } from './question';

/**
 * A query family: the queries that ask the same thing in other words order, forms or phrasings.
 * It is the query as the search plans it (noise stripped, a sentence reduced to what it asks about,
 * stop words out, stems), its distinct stems sorted: "How do I revoke an app?", "revoke app" and
 * "apps revoked" are one family. What people open and find helpful is learned per family
 * (usage-signal.ts). Typo fixes and synonyms are left out: they depend on the index, and a family
 * must stay the same when the articles change.
 *
 * A pasted error or log (machine text) and a query of many words have no family: the error has its
 * own recognition (signatures.ts), and long pastes are too varied for two to ever meet.
 */

/** More distinct stems than this and the query is a paste or a story, not a question asked twice. */
export const MAX_FAMILY_TERMS = 8;

const NEGATION = 'not';

export function queryFamily(query: string, analyzer: Analyzer = englishAnalyzer): string | undefined {
  const cleaned = cleanQuery(query);
  if (cleaned.machineText) return undefined;
  const stems = new Set<string>();
  for (const word of analyzer.words(analyzer.reduceQuestion(cleaned.text))) {
    // The ranking ignores "not" (a stop word), but "app not showing" is not "app showing": any
    // English negation ("isn't", "can't", "not") makes the family's "not".
    if (analyzer.locale === 'en' && NEGATIONS.has(word)) stems.add(NEGATION);
    if (word.length < analyzer.minWordLength || analyzer.isStopWord(word)) continue;
    stems.add(analyzer.stem(word));
  }
  if (stems.size === 0 || stems.size > MAX_FAMILY_TERMS) return undefined;
  return [...stems].sort().join(' ');
}
