// nlp.js ships no types for its German stemmer (a Snowball port); only the method used here.
declare module '@nlpjs/lang-de/src/stemmer-de' {
  export default class StemmerDe {
    stemWord(word: string): string;
  }
}
