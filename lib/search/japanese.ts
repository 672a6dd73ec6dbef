import { isStopWord as isEnglishStopWord, stem as englishStem } from './analyze';
import type { Analyzer } from './analyzer';

/**
 * Japanese: NFKC first on both sides (full-width Latin and digits become ASCII, half-width katakana
 * full-width, so "ＩＰ", "ｸﾗｳﾄﾞ" and "IP", "クラウド" are the same words), then words from
 * `Intl.Segmenter('ja')` (ICU's dictionary, built into Node and browsers: no dictionary to ship or
 * load; measured against kuromoji in lib/search/README.md). Latin words inside Japanese text
 * (error messages, "Connected apps") are English words and get English folding and stems, so a
 * pasted English error matches a Japanese article that quotes it. No typo tolerance by edit
 * distance: a kana or kanji that differs is another word (an IME picks a wrong homophone, it does
 * not drop a letter), and most Japanese words are one to three characters long.
 */

const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });
const CJK = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\u30fc]/u;
const HIRAGANA_ONLY = /^[\p{sc=Hiragana}\u30fc]+$/u;
const LATIN_WORD = /[a-z0-9]+/g;
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/**
 * Function words that are longer than the two kana every shorter hiragana word is dropped for
 * (particles, endings): auxiliaries, formal nouns, question words and polite endings. A help
 * center question ("…するにはどうすればいいですか") is its nouns and verbs.
 */
const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'する します した して される された できる できます できない ない ません ある あります いる います ' +
    'なる なります なっ ください について として による により ため よう こと もの ところ これ それ あれ ' +
    'この その あの どの どう どうして どうすれ どんな どこ いつ なぜ なに なん いい よい です でした ' +
    'でしょう ましょう という といった など ほど まで から ので のに けど けれど ただ また さらに そして ' +
    'しかし ただし おり まし たい ほしい たら れる られる せる させる'
  ).split(' '),
);

export function isJapaneseStopWord(word: string): boolean {
  if (STOP_WORDS.has(word)) return true;
  if (HIRAGANA_ONLY.test(word)) return word.length <= 2;
  // Latin words inside Japanese text are English
  return !CJK.test(word) && isEnglishStopWord(word);
}

/** One segment as index terms: itself when Japanese, its English words when Latin. */
export function foldSegment(segment: string, out: string[]) {
  if (CJK.test(segment)) {
    out.push(segment.toLowerCase());
    return;
  }
  const folded = segment.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
  for (const word of folded.match(LATIN_WORD) ?? []) out.push(word);
}

function words(text: string): string[] {
  const out: string[] = [];
  for (const s of segmenter.segment(text.normalize('NFKC').replace(/['\u2019]/g, '')))
    if (s.isWordLike) foldSegment(s.segment, out);
  return out;
}

export function stemJapanese(word: string): string {
  return CJK.test(word) ? word : englishStem(word);
}

/** Half-width voiced and semi-voiced sound marks, which NFKC joins to the kana before them. */
const HALF_WIDTH_VOICING = /[\uff9e\uff9f]/;

/** NFKC of `text`, and for each of its positions (and its end) the position in `text`. */
function normaliseWithOffsets(text: string): { normalised: string; originalAt: number[] } {
  let normalised = '';
  const originalAt: number[] = [];
  for (let i = 0; i < text.length;) {
    let end = i + (text.codePointAt(i)! > 0xffff ? 2 : 1);
    while (end < text.length && HALF_WIDTH_VOICING.test(text[end]!)) end++;
    const piece = text.slice(i, end).normalize('NFKC');
    for (let k = 0; k < piece.length; k++) originalAt.push(i);
    normalised += piece;
    i = end;
  }
  originalAt.push(text.length);
  return { normalised, originalAt };
}

export const japaneseAnalyzer: Analyzer = {
  locale: 'ja',
  words,
  segments(text) {
    // Cut the normalised text (ICU cuts half-width katakana letter by letter), then map each
    // word back to its place in the original.
    const { normalised, originalAt } = normaliseWithOffsets(text);
    const out: Array<{ word: string; start: number; end: number }> = [];
    for (const s of segmenter.segment(normalised)) {
      if (!s.isWordLike) continue;
      const folded: string[] = [];
      foldSegment(s.segment, folded);
      const start = originalAt[s.index]!;
      const end = originalAt[s.index + s.segment.length]!;
      for (const word of folded) out.push({ word, start, end });
    }
    return out;
  },
  stem: stemJapanese,
  isStopWord: isJapaneseStopWord,
  minWordLength: 1,
  typoTolerance: false,
  minPrefixLength: 2,
  reduceQuestion: (text) => text,
};
