import type { SearchLocale } from './locales';

/**
 * What one language means by a "term", shared by indexing, query planning and snippets so that
 * both sides of a search always agree: how text becomes folded words, which words carry no topic,
 * how a word is reduced to its stem, and what else the language allows (typo tolerance by edit
 * distance, compound parts, sentence reduction).
 */
export interface Analyzer {
  readonly locale: SearchLocale;
  /** Folded words in order, stop words included (phrases such as "log in" need them). */
  words(text: string): string[];
  /** Words with their place in `text` (for snippets); `word` is folded like `words`. */
  segments(text: string): Array<{ word: string; start: number; end: number }>;
  stem(word: string): string;
  isStopWord(word: string): boolean;
  /** Shorter words are never terms (single Latin letters; a kanji is a word). */
  readonly minWordLength: number;
  /** Corrections by edit distance make sense for the script. */
  readonly typoTolerance: boolean;
  /** Shortest unknown last word read as a prefix of the word being typed. */
  readonly minPrefixLength: number;
  /** A typed sentence reduced to what it asks about (the input when it is not a sentence). */
  reduceQuestion(text: string): string;
  /**
   * Parts of a compound word, folded, or undefined when it is not one. Indexed beside the word so
   * that a search for a part finds the compound ("Richtlinie" → "Datensicherheitsrichtlinie").
   * Built from the corpus, so it is made per index (`withCorpus`).
   */
  compoundParts?(word: string): string[] | undefined;
  /** This analyzer fitted to a corpus (e.g. the compound splitter learns its lexicon from it). */
  withCorpus?(texts: Iterable<string>): Analyzer;
}
