import { resolve } from 'node:path';
import * as kuromoji from '@patdx/kuromoji';
import NodeDictionaryLoader from '@patdx/kuromoji/node';
import type { Analyzer } from '@/lib/search/analyzer';
import { japaneseAnalyzer, foldSegment, isJapaneseStopWord } from '@/lib/search/japanese';

/**
 * The candidate Japanese analyzer that was measured against `Intl.Segmenter` (see
 * lib/search/README.md): kuromoji's morphemes (IPADIC, shipped gzipped in the package) instead of
 * ICU's words, particles, auxiliaries and symbols dropped by part of speech, verbs and adjectives
 * by their dictionary form. Everything else as in the production analyzer (NFKC, English words,
 * the same stop words), so the comparison is the segmenter alone.
 */

const DROPPED_POS = new Set(['助詞', '助動詞', '記号']);

export async function loadKuromojiAnalyzer(): Promise<{ analyzer: Analyzer; loadMs: number }> {
  const started = performance.now();
  const tokenizer = await new kuromoji.TokenizerBuilder({
    loader: new NodeDictionaryLoader({ dic_path: resolve('node_modules/@patdx/kuromoji/dict') }),
  }).build();
  const loadMs = performance.now() - started;

  const tokens = (text: string) => tokenizer.tokenize(text);
  const words = (text: string): string[] => {
    const out: string[] = [];
    for (const t of tokens(text.normalize('NFKC'))) {
      if (DROPPED_POS.has(t.pos) || !t.surface_form.trim()) continue;
      const form =
        (t.pos === '動詞' || t.pos === '形容詞') && t.basic_form && t.basic_form !== '*'
          ? t.basic_form
          : t.surface_form;
      foldSegment(form, out);
    }
    return out;
  };
  const analyzer: Analyzer = {
    ...japaneseAnalyzer,
    words,
    segments(text) {
      const out: Array<{ word: string; start: number; end: number }> = [];
      for (const t of tokens(text)) {
        const folded: string[] = [];
        foldSegment(t.surface_form.normalize('NFKC'), folded);
        const start = t.word_position - 1;
        for (const word of folded) out.push({ word, start, end: start + t.surface_form.length });
      }
      return out;
    },
    isStopWord: isJapaneseStopWord,
  };
  return { analyzer, loadMs };
}
