import { foldText, stem } from './analyze';
import type { Analyzer } from './analyzer';
import { escapeSnippetText as escapeHtml } from './snippet-markup';

/**
 * A short excerpt around the passage that matches the most query terms.
 * Everything from the article is HTML-escaped; the only markup added is
 * `<mark>` around matched words, so article text can never inject HTML.
 * The format is snippet-markup.ts, which the browser reads back.
 */

const SNIPPET_CHARS = 180;
/** Long articles: the best passage is almost always early; bounds the cost per result. */
const SCAN_CHARS = 6_000;
const MAX_HITS = 300;
const PLAIN_ASCII = /^[a-z0-9]+$/;

export interface TermMatcher {
  /** The term a folded word matches (its stem, or the typed prefix it starts with), else undefined. */
  match(foldedWord: string): string | undefined;
  /** Whether a word starting with these character codes (b, c: NaN past its end) can match at all. */
  mayMatch(a: number, b: number, c: number): boolean;
  /** Set for languages other than English: their words are cut out by the analyzer. */
  analyzer?: Analyzer;
}

// A stem keeps the first letters of its word (only suffixes change), so a
// word can match only if it starts with the first three letters of a term
// (all of it, for two-letter terms). Heads are kept as numbers: no slicing.
const head2 = (a: number, b: number) => a * 65536 + b;
const head3 = (a: number, b: number, c: number) => (a * 65536 + b) * 65536 + c;

export function termMatcher(
  stems: Iterable<string>,
  prefixes: Iterable<string>,
  analyzer?: Analyzer,
): TermMatcher {
  const stemSet = new Set(stems);
  const prefixList = [...prefixes];
  if (analyzer && analyzer.locale !== 'en')
    return {
      analyzer,
      mayMatch: () => true,
      match(folded) {
        const s = analyzer.stem(folded);
        if (stemSet.has(s)) return s;
        return prefixList.find((p) => folded.startsWith(p));
      },
    };
  const short = new Set<number>();
  const long = new Set<number>();
  for (const t of [...stemSet, ...prefixList]) {
    if (t.length === 2) short.add(head2(t.charCodeAt(0), t.charCodeAt(1)));
    else if (t.length > 2) long.add(head3(t.charCodeAt(0), t.charCodeAt(1), t.charCodeAt(2)));
  }
  return {
    mayMatch: (a, b, c) => short.has(head2(a, b)) || (c === c && long.has(head3(a, b, c))),
    match(folded) {
      const s = stem(folded);
      if (stemSet.has(s)) return s;
      return prefixList.find((p) => folded.startsWith(p));
    },
  };
}

export function makeSnippet(body: string, fallback: string, matcher: TermMatcher): string {
  const text = body.slice(0, SCAN_CHARS);
  const hits = matcher.analyzer
    ? findHitsBySegments(text, matcher, matcher.analyzer)
    : findHits(text, matcher);
  if (hits.length === 0) return escapeHtml(truncate(fallback || text, SNIPPET_CHARS));

  // Window with the most distinct matched terms (ties: more hits, then earlier),
  // found in one sliding pass: hits are in text order.
  let bestStart = 0;
  let bestScore = -1;
  let right = 0;
  let distinct = 0;
  const inWindow = new Map<string, number>();
  for (let left = 0; left < hits.length; left++) {
    while (right < hits.length && hits[right]!.end - hits[left]!.start <= SNIPPET_CHARS) {
      const key = hits[right]!.key;
      const n = inWindow.get(key) ?? 0;
      if (n === 0) distinct++;
      inWindow.set(key, n + 1);
      right++;
    }
    const score = distinct * 10 + (right - left);
    if (score > bestScore) [bestScore, bestStart] = [score, hits[left]!.start];
    const leaving = hits[left]!.key;
    const n = inWindow.get(leaving)!;
    if (n === 1) distinct--;
    inWindow.set(leaving, n - 1);
  }
  let start = Math.max(0, bestStart - 40);
  const lineStart = text.lastIndexOf('\n', bestStart);
  if (lineStart >= start) start = lineStart + 1;
  else {
    const space = text.indexOf(' ', start);
    if (start > 0 && space >= 0 && space < bestStart) start = space + 1;
  }
  let end = Math.min(text.length, start + SNIPPET_CHARS);
  const space = text.lastIndexOf(' ', end);
  if (end < text.length && space > bestStart) end = space;

  let html = start > 0 ? '…' : '';
  let cursor = start;
  for (const hit of hits) {
    if (hit.start < start || hit.end > end) continue;
    html +=
      escapeHtml(text.slice(cursor, hit.start)) +
      '<mark>' +
      escapeHtml(text.slice(hit.start, hit.end)) +
      '</mark>';
    cursor = hit.end;
  }
  html += escapeHtml(text.slice(cursor, end)) + (end < body.length ? '…' : '');
  return html.replace(/\s+/g, ' ').trim();
}

interface Hit {
  start: number;
  end: number;
  key: string;
}

/** Letters, digits, apostrophes and anything beyond Latin-1 punctuation continue a word. */
function isWordChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 48 && c <= 57) ||
    (c >= 65 && c <= 90) ||
    c === 39 ||
    c === 0x2019 ||
    c >= 0xc0
  );
}

/**
 * One pass over the text by character code: a word is only cut out (and
 * stemmed) when it starts like some query term, so most words cost a few
 * comparisons and no allocation.
 */
function findHits(text: string, matcher: TermMatcher): Hit[] {
  // Lower-casing keeps offsets for ASCII; other text falls back to folding per word.
  const lower = text.toLowerCase();
  const source = lower.length === text.length ? lower : text;
  const hits: Hit[] = [];
  const length = source.length;
  let at = 0;
  while (at < length && hits.length < MAX_HITS) {
    if (!isWordChar(source.charCodeAt(at))) {
      at++;
      continue;
    }
    let end = at + 1;
    while (end < length && isWordChar(source.charCodeAt(end))) end++;
    if (
      end - at > 1 &&
      matcher.mayMatch(
        source.charCodeAt(at),
        source.charCodeAt(at + 1),
        end - at > 2 ? source.charCodeAt(at + 2) : NaN,
      )
    ) {
      const raw = source.slice(at, end);
      const folded = PLAIN_ASCII.test(raw) ? raw : foldText(raw);
      const key = folded.length > 1 ? matcher.match(folded) : undefined;
      if (key !== undefined) hits.push({ start: at, end, key });
    }
    at = end;
  }
  return hits;
}

type Segments = ReturnType<Analyzer['segments']>;
// Cutting a text into words costs far more than matching them (Intl.Segmenter, German folding),
// and the same articles' openings are cut again for every query that finds them.
const segmentCache = new Map<string, Segments>();
const SEGMENT_CACHE_LIMIT = 5_000;

function segmentsOf(text: string, analyzer: Analyzer): Segments {
  const key = `${analyzer.locale}\u0000${text}`;
  let segments = segmentCache.get(key);
  if (!segments) {
    segments = analyzer.segments(text);
    if (segmentCache.size >= SEGMENT_CACHE_LIMIT) segmentCache.clear();
    segmentCache.set(key, segments);
  }
  return segments;
}

/** Other languages: the analyzer's own words (Japanese has no spaces to find them by). */
function findHitsBySegments(text: string, matcher: TermMatcher, analyzer: Analyzer): Hit[] {
  const hits: Hit[] = [];
  for (const segment of segmentsOf(text, analyzer)) {
    const key = matcher.match(segment.word);
    if (key === undefined) continue;
    const last = hits.at(-1);
    // One segment can hold several words ("Site-Administrator"): mark it once.
    if (last && last.start === segment.start) continue;
    hits.push({ start: segment.start, end: segment.end, key });
    if (hits.length >= MAX_HITS) break;
  }
  return hits;
}

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max);
  return `${text.slice(0, cut > 0 ? cut : max)}…`;
}
