import { foldText } from './analyze';
import type { SignatureMatch } from './types';

/**
 * Recognises a pasted error message as one of the articles' `errorSignatures`.
 * Greenlight's own: search engines score words, but a pasted error is a
 * sentence, so this aligns the template's words with the query in order
 * (a local alignment, gaps allowed) and reads the `{placeholder}` values out
 * of the original text.
 */

interface WordToken {
  word: string;
  start: number;
  end: number;
}

type TemplatePart = { kind: 'word'; word: string } | { kind: 'slot'; name: string };

interface CompiledSignature {
  slug: string;
  parts: TemplatePart[];
  literalCount: number;
  literalWords: Set<string>;
}

export interface SignatureHit extends SignatureMatch {
  /** Share of the template's words found in order, 0..1. */
  coverage: number;
}

const RAW_WORD = /[\p{L}\p{N}]+/gu;
/**
 * Japanese and Chinese text has no spaces between words, and a segmenter may cut the same phrase
 * differently in a template and in a paste; aligning character by character needs no segmenter.
 */
const CJK_CHAR = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\u30fc]/u;
const RAW_WORD_OR_CJK_CHAR =
  /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\u30fc]|(?:(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\u30fc])[\p{L}\p{N}])+/gu;
/** Full-width forms and half-width katakana, which NFKC turns into the usual ones. */
const NEEDS_NFKC = /[\u3000-\u9fff\uff00-\uffef]/;
const SLOT = /\{(\w+)\}/g;
const TRIM_CAPTURE =
  /^[\s"'`\u201c\u201d\u2018\u2019.,;:!?()<>[\]]+|[\s"'`\u201c\u201d\u2018\u2019.,;:!?()<>[\]]+$/g;

/** Words needed, as a share of the template, before a paste counts as that error. */
const MIN_COVERAGE_LONG = 0.6;
/** Templates this short must be matched completely. */
const SHORT_TEMPLATE = 5;
const MAX_QUERY_WORDS = 600;
const MAX_CAPTURE_CHARS = 120;

// Alignment scores: a skipped query word (noise inside the paste) costs less
// than a template word that is missing.
const MATCH = 1;
const EXTRA_QUERY_WORD = -0.35;
const MISSING_TEMPLATE_WORD = -0.6;

/** Text as the matcher reads it: NFKC when it has Japanese or full-width characters (no-op otherwise). */
function normalise(text: string): string {
  return NEEDS_NFKC.test(text) ? text.normalize('NFKC') : text;
}

function rawWords(text: string): WordToken[] {
  const out: WordToken[] = [];
  for (const m of text.matchAll(CJK_CHAR.test(text) ? RAW_WORD_OR_CJK_CHAR : RAW_WORD)) {
    const word = foldText(m[0]);
    if (word) out.push({ word, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

function compileSignature(slug: string, raw: string): CompiledSignature {
  const template = normalise(raw);
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const m of template.matchAll(SLOT)) {
    for (const t of rawWords(template.slice(last, m.index))) parts.push({ kind: 'word', word: t.word });
    parts.push({ kind: 'slot', name: m[1] ?? 'value' });
    last = m.index + m[0].length;
  }
  for (const t of rawWords(template.slice(last))) parts.push({ kind: 'word', word: t.word });
  const literals = parts.flatMap((p) => (p.kind === 'word' ? [p.word] : []));
  return { slug, parts, literalCount: literals.length, literalWords: new Set(literals) };
}

export class SignatureMatcher {
  private readonly signatures: CompiledSignature[];

  constructor(entries: Array<{ slug: string; templates: string[] }>) {
    this.signatures = entries.flatMap(({ slug, templates }) =>
      templates.map((t) => compileSignature(slug, t)).filter((s) => s.literalCount > 0),
    );
  }

  get size(): number {
    return this.signatures.length;
  }

  /** The best-covered signature found in the query, if any. */
  match(raw: string): SignatureHit | undefined {
    if (this.signatures.length === 0) return undefined;
    const query = normalise(raw);
    const tokens = rawWords(query).slice(0, MAX_QUERY_WORDS);
    const present = new Set(tokens.map((t) => t.word));
    let best: SignatureHit | undefined;
    for (const signature of this.signatures) {
      const needed = requiredMatches(signature.literalCount);
      let shared = 0;
      for (const w of signature.literalWords) if (present.has(w)) shared++;
      // cheap pre-check on distinct words before the alignment
      const repeats = signature.literalCount - signature.literalWords.size;
      if (shared < needed - repeats) continue;
      const hit = align(signature, tokens, query);
      if (!hit || hit.matched < needed) continue;
      const coverage = hit.matched / signature.literalCount;
      if (!best || coverage > best.coverage)
        best = { slug: signature.slug, captures: hit.captures, coverage };
    }
    return best;
  }
}

function requiredMatches(literalCount: number): number {
  if (literalCount <= SHORT_TEMPLATE) return literalCount;
  return Math.max(SHORT_TEMPLATE, Math.ceil(literalCount * MIN_COVERAGE_LONG));
}

interface Alignment {
  matched: number;
  captures: Record<string, string>;
}

// Back-pointer codes for the traceback.
const STOP = 0;
const DIAG = 1; // template word matched to query word
const UP = 2; // query word skipped (or absorbed by a slot)
const LEFT = 3; // template part skipped

/**
 * Smith–Waterman style local alignment of template parts (columns) against
 * query words (rows). A slot absorbs any number of query words for free.
 */
function align(signature: CompiledSignature, tokens: WordToken[], query: string): Alignment | undefined {
  const { parts } = signature;
  const cols = parts.length + 1;
  const rows = tokens.length + 1;
  const score = new Float64Array(rows * cols);
  const back = new Uint8Array(rows * cols);
  let bestScore = 0;
  let bestCell = -1;
  for (let i = 1; i < rows; i++) {
    const token = tokens[i - 1]!;
    for (let j = 1; j < cols; j++) {
      const part = parts[j - 1]!;
      const cell = i * cols + j;
      let s = 0;
      let b = STOP;
      if (part.kind === 'word') {
        if (part.word === token.word) {
          const diag = score[(i - 1) * cols + (j - 1)]! + MATCH;
          if (diag > s) [s, b] = [diag, DIAG];
        }
        const up = score[(i - 1) * cols + j]! + EXTRA_QUERY_WORD;
        if (up > s) [s, b] = [up, UP];
        const left = score[i * cols + (j - 1)]! + MISSING_TEMPLATE_WORD;
        if (left > s) [s, b] = [left, LEFT];
      } else {
        const up = score[(i - 1) * cols + j]!; // absorbed into the slot
        if (up > s) [s, b] = [up, UP];
        const left = score[i * cols + (j - 1)]!;
        if (left > s) [s, b] = [left, LEFT];
        const diag = score[(i - 1) * cols + (j - 1)]!;
        if (diag > s) [s, b] = [diag, DIAG];
      }
      score[cell] = s;
      back[cell] = b;
      if (s > bestScore) [bestScore, bestCell] = [s, cell];
    }
  }
  if (bestCell < 0) return undefined;

  // Trace back: which query words matched which template words.
  const queryIndexOfPart = new Array<number>(parts.length).fill(-1);
  let matched = 0;
  let cell = bestCell;
  while (cell > 0 && back[cell] !== STOP) {
    const i = Math.floor(cell / cols);
    const j = cell % cols;
    const b = back[cell];
    if (b === DIAG) {
      const part = parts[j - 1]!;
      if (part.kind === 'word') {
        queryIndexOfPart[j - 1] = i - 1;
        matched++;
      }
      cell = (i - 1) * cols + (j - 1);
    } else if (b === UP) cell = (i - 1) * cols + j;
    else cell = i * cols + (j - 1);
  }
  return { matched, captures: readCaptures(parts, queryIndexOfPart, tokens, query) };
}

/** A slot's value is the original text between its matched neighbours. */
function readCaptures(
  parts: TemplatePart[],
  queryIndexOfPart: number[],
  tokens: WordToken[],
  query: string,
): Record<string, string> {
  const captures: Record<string, string> = {};
  parts.forEach((part, p) => {
    if (part.kind !== 'slot') return;
    const before = p > 0 ? (queryIndexOfPart[p - 1] ?? -1) : -1;
    const after = p + 1 < parts.length ? (queryIndexOfPart[p + 1] ?? -1) : -1;
    let raw: string | undefined;
    if (before >= 0 && after >= 0 && after > before) {
      raw = query.slice(tokens[before]!.end, tokens[after]!.start);
    } else if (before >= 0 && p === parts.length - 1) {
      // the value after the last word, past the separator that often follows it ("client: abc")
      raw = /^[\s:=,;"'`\u201c\u2018(<[]*\S+/.exec(query.slice(tokens[before]!.end))?.[0];
    } else if (after >= 0 && p === 0) {
      raw = /\S+\s*$/.exec(query.slice(0, tokens[after]!.start))?.[0];
    }
    const value = raw?.replace(TRIM_CAPTURE, '');
    if (value && value.length <= MAX_CAPTURE_CHARS) captures[part.name] = value;
  });
  return captures;
}
