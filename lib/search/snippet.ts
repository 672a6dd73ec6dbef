import { foldText, stem } from './analyze';

/**
 * A short excerpt around the passage that matches the most query terms.
 * Everything from the article is HTML-escaped; the only markup added is
 * `<mark>` around matched words, so article text can never inject HTML.
 */

const SNIPPET_CHARS = 180;
/** Long articles: the best passage is almost always early; bounds the cost per result. */
const SCAN_CHARS = 6_000;
const MAX_HITS = 300;
const WORD = /[a-z0-9\u00c0-\uffff'\u2019]+/g;
const PLAIN_ASCII = /^[a-z0-9]+$/;

export interface TermMatcher {
  /** True when a folded word matches a query term (exact stem or typed prefix). */
  (foldedWord: string): boolean;
}

export function termMatcher(stems: Iterable<string>, prefixes: Iterable<string>): TermMatcher {
  const stemSet = new Set(stems);
  const prefixList = [...prefixes];
  // A stem shares its first letters with the words it comes from; checking
  // those first keeps stemming off the hot path of scanning an article.
  const heads = new Set([...stemSet, ...prefixList].map((t) => t.slice(0, 3)));
  return (folded) =>
    heads.has(folded.slice(0, 3)) && (stemSet.has(stem(folded)) || prefixList.some((p) => folded.startsWith(p)));
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function makeSnippet(body: string, fallback: string, matches: TermMatcher): string {
  const text = body.slice(0, SCAN_CHARS);
  const hits: Array<{ start: number; end: number; key: string }> = [];
  // Lower-casing once is far cheaper than full folding per word; only words
  // with accents or apostrophes take the slow path.
  const lower = text.toLowerCase();
  const source = lower.length === text.length ? lower : text;
  for (const m of source.matchAll(WORD)) {
    const folded = PLAIN_ASCII.test(m[0]) ? m[0] : foldText(m[0]);
    if (folded.length > 1 && matches(folded)) hits.push({ start: m.index, end: m.index + m[0].length, key: stem(folded) });
    if (hits.length >= MAX_HITS) break;
  }
  if (hits.length === 0) return escapeHtml(truncate(fallback || text, SNIPPET_CHARS));

  // Window with the most distinct matched terms (ties: more hits, then earlier).
  let bestStart = 0;
  let bestScore = -1;
  let right = 0;
  for (let left = 0; left < hits.length; left++) {
    while (right < hits.length && hits[right]!.end - hits[left]!.start <= SNIPPET_CHARS) right++;
    const window = hits.slice(left, right);
    const score = new Set(window.map((h) => h.key)).size * 10 + window.length;
    if (score > bestScore) [bestScore, bestStart] = [score, hits[left]!.start];
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
    html += escapeHtml(text.slice(cursor, hit.start)) + '<mark>' + escapeHtml(text.slice(hit.start, hit.end)) + '</mark>';
    cursor = hit.end;
  }
  html += escapeHtml(text.slice(cursor, end)) + (end < body.length ? '…' : '');
  return html.replace(/\s+/g, ' ').trim();
}

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max);
  return `${text.slice(0, cut > 0 ? cut : max)}…`;
}
