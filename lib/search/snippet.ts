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
const PLAIN_ASCII = /^[a-z0-9]+$/;

export interface TermMatcher {
  /** First three letters of every term: where a scan for matches has to look. */
  heads: string[];
  /** True when a folded word matches a query term (exact stem or typed prefix). */
  matches(foldedWord: string): boolean;
}

export function termMatcher(stems: Iterable<string>, prefixes: Iterable<string>): TermMatcher {
  const stemSet = new Set(stems);
  const prefixList = [...prefixes];
  // A stem shares its first letters with the words it comes from, so the scan
  // jumps between occurrences of those instead of stemming every word.
  const heads = [...new Set([...stemSet, ...prefixList].map((t) => t.slice(0, 3)))];
  return {
    heads,
    matches: (folded) => stemSet.has(stem(folded)) || prefixList.some((p) => folded.startsWith(p)),
  };
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function makeSnippet(body: string, fallback: string, matcher: TermMatcher): string {
  const text = body.slice(0, SCAN_CHARS);
  const hits = findHits(text, matcher);
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

interface Hit {
  start: number;
  end: number;
  key: string;
}

const WORD_CHAR = /[a-z0-9\u00c0-\uffff'\u2019]/;

function findHits(text: string, matcher: TermMatcher): Hit[] {
  // Lower-casing keeps offsets for ASCII; other text falls back to folding per word.
  const lower = text.toLowerCase();
  const source = lower.length === text.length ? lower : text;
  const hits: Hit[] = [];
  const seen = new Set<number>();
  for (const head of matcher.heads) {
    for (let at = source.indexOf(head); at >= 0 && hits.length < MAX_HITS; at = source.indexOf(head, at + 1)) {
      if (at > 0 && WORD_CHAR.test(source[at - 1]!)) continue;
      if (seen.has(at)) continue;
      let end = at + head.length;
      while (end < source.length && WORD_CHAR.test(source[end]!)) end++;
      const raw = source.slice(at, end);
      const folded = PLAIN_ASCII.test(raw) ? raw : foldText(raw);
      if (folded.length > 1 && matcher.matches(folded)) {
        seen.add(at);
        hits.push({ start: at, end, key: stem(folded) });
      }
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max);
  return `${text.slice(0, cut > 0 ? cut : max)}…`;
}
