import StemmerDe from '@nlpjs/lang-de/src/stemmer-de';
import type { Analyzer } from './analyzer';
import { CompoundSplitter } from './compounds';

/**
 * German: umlauts and ß folded the same way on both sides (ä/ae → a, ö/oe → o, ü/ue → u, ß → ss),
 * so "Schaltfläche", "Schaltflaeche" and "SCHALTFLÄCHE" are one word; German stop words; the
 * Snowball German stemmer (nlp.js's port, MIT); compounds split into the words the corpus uses on
 * their own, indexed beside the compound.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const WORD = /[a-z0-9]+/g;

/**
 * Function words: articles, pronouns, prepositions, conjunctions, auxiliaries and modals, question
 * words and filler. Written here rather than taken from a packaged list: those (stopword,
 * stopwords-iso) also drop words a help center needs, such as "Tage", "Rechte", "richtig", "neu".
 */
const STOP_WORDS_SOURCE =
  'aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes auch auf aus bei beim bin bis bist bitte da dabei dadurch dafür dagegen daher damit danach dann daran darauf daraus darf darfst darin darum darüber das dass dasselbe davon dazu dein deine deinem deinen deiner dem den denn der deren derselbe des desselben dessen dich die dies diese dieselbe diesem diesen dieser dieses dir doch dort du durch dürfen eigentlich ein eine einem einen einer eines einfach einige einmal er es etwa etwas euch euer eure für gegen gerade gern gibt habe haben habt hallo hast hat hatte hätte hier hin hinter ich ihm ihn ihnen ihr ihre ihrem ihren ihrer ihres im immer in ins irgendwie ist ja jede jedem jeden jeder jedes jetzt kann kannst konnte können könnte man manche mehr mein meine meinem meinen meiner meines mich mir mit muss musst musste müssen möchte nach nein noch nun nur ob oder ohne sehr sein seine seinem seinen seiner sich sie sind so solche soll sollen sollte sonst um und uns unser unsere unserem unseren unserer unter viel vom von vor wann war waren warum was weil weiter welche welchem welchen welcher welches wenn wer werde werden wie wieder wieso weshalb will wir wird wo wurde würde zu zum zur zwar zwischen danke dank mal schon überhaupt halt eben bzw usw';

/** Lower case; umlauts, ß and accents folded; "ae", "oe", "ue" read as the umlaut they stand for. */
export function foldGerman(text: string): string {
  return text
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(/(?<!q)ue|ae|oe/g, (pair) => pair[0]!)
    .replace(/['\u2019]/g, '');
}

function wordsOf(text: string): string[] {
  return foldGerman(text).match(WORD) ?? [];
}

const STOP_WORDS: ReadonlySet<string> = new Set(wordsOf(STOP_WORDS_SOURCE));

const stemmer = new StemmerDe();
const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 200_000;

/**
 * Snowball strips a final -s only after the letters German plurals and genitives put it after, so
 * the plurals of the loanwords a help center lives on ("Apps", "APIs", "Keys", "Kontos") would stay
 * apart from their singulars.
 */
const LOANWORD_PLURAL = /(?<=[aiouyp])s$/;

function stem(word: string): string {
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    stemmed =
      word.length > 3 && !/\d/.test(word) ? stemmer.stemWord(word).replace(LOANWORD_PLURAL, '') : word;
    if (stemCache.size < STEM_CACHE_LIMIT) stemCache.set(word, stemmed);
  }
  return stemmed;
}

const isStopWord = (word: string) => STOP_WORDS.has(word);

function makeGermanAnalyzer(splitter?: CompoundSplitter): Analyzer {
  return {
    locale: 'de',
    words: wordsOf,
    segments(text) {
      const out: Array<{ word: string; start: number; end: number }> = [];
      for (const m of text.matchAll(/[\p{L}\p{N}'\u2019]+/gu))
        for (const word of wordsOf(m[0])) out.push({ word, start: m.index, end: m.index + m[0].length });
      return out;
    },
    stem,
    isStopWord,
    minWordLength: 2,
    typoTolerance: true,
    minPrefixLength: 3,
    // German question words, modals and filler are stop words already.
    reduceQuestion: (text) => text,
    compoundParts: splitter ? (word) => splitter.split(word) : undefined,
    withCorpus(texts) {
      const counts = new Map<string, number>();
      for (const text of texts)
        for (const word of wordsOf(text)) counts.set(word, (counts.get(word) ?? 0) + 1);
      return makeGermanAnalyzer(new CompoundSplitter({ count: (w) => counts.get(w) ?? 0 }, { isStopWord }));
    },
  };
}

/** Without a corpus it splits no compounds; the index fits it to its documents (`withCorpus`). */
export const germanAnalyzer: Analyzer = makeGermanAnalyzer();
