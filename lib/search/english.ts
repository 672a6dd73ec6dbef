import { foldText, isStopWord, stem, words } from './analyze';
import type { Analyzer } from './analyzer';
import { reduceQuestion } from './question';

const WORD = /[a-z0-9]+/g;

/** English: the analysis Greenlight has always used (ASCII folding, stop words, Porter stems). */
export const englishAnalyzer: Analyzer = {
  locale: 'en',
  words,
  segments(text) {
    const out: Array<{ word: string; start: number; end: number }> = [];
    for (const m of text.matchAll(/[\p{L}\p{N}'\u2019]+/gu)) {
      for (const word of foldText(m[0]).match(WORD) ?? [])
        out.push({ word, start: m.index, end: m.index + m[0].length });
    }
    return out;
  },
  stem,
  isStopWord,
  minWordLength: 2,
  typoTolerance: true,
  minPrefixLength: 3,
  reduceQuestion: (text) => reduceQuestion(text).text,
};
