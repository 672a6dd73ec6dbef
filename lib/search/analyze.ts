import { stemmer } from 'stemmer';
import { STOP_WORDS } from './stop-words';

/**
 * Text analysis shared by indexing and querying, so that both sides agree on
 * what a "term" is: folded to lower-case ASCII, split on anything that is not
 * a letter or digit, stop words dropped, Porter-stemmed.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const APOSTROPHE_S = /['\u2019]s\b/g;
const APOSTROPHES = /['\u2019]/g;
const WORD = /[a-z0-9]+/g;

/** Lower-case, strip accents, drop possessive `'s` and apostrophes ("don't" → "dont"). */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(APOSTROPHE_S, '')
    .replace(APOSTROPHES, '');
}

/** Folded words in order, stop words included (phrases such as "log in" need them). */
export function words(text: string): string[] {
  return foldText(text).match(WORD) ?? [];
}

// Stemming is the hot path of indexing; a corpus has far fewer distinct words than tokens.
const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 500_000;

export function stem(word: string): string {
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    stemmed = word.length > 3 && !/\d/.test(word) ? stemmer(word) : word;
    if (stemCache.size < STEM_CACHE_LIMIT) stemCache.set(word, stemmed);
  }
  return stemmed;
}

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

/** Index terms of a text: words minus stop words and single letters, stemmed. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const word of words(text)) {
    if (word.length < 2 || STOP_WORDS.has(word)) continue;
    out.push(stem(word));
  }
  return out;
}
