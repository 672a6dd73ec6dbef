/**
 * Shared passages ("partials"): a caveat written once in `content/partials/<name>.mdx` and placed
 * in an article with `<Partial name="<name>" />` on a line of its own.
 *
 * Partials are expanded into the article's source when it is loaded, before it is outlined,
 * validated, compiled or indexed. So headings and links inside a partial are checked like the
 * article's own, the page renders plain MDX, and search sees the partial's text as part of every
 * article that includes it: a reader searching for the caveat's words should find the articles
 * that state it. Written by hand because the include is a plain text splice done before any MDX
 * parser runs; no maintained MDX include plugin works on the source the validator and the search
 * index both read.
 */

export const DEFAULT_PARTIAL_LOCALE = 'en';

const partialNamePattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** `<Partial name="x" />` alone on its line (indentation allowed, for list items). */
const PARTIAL_LINE = /^(\s*)<Partial\s+name="([^"]*)"\s*\/>\s*$/;
const FENCE = /^\s*(```|~~~)/;

export const isValidPartialName = (name: string) => partialNamePattern.test(name);

export interface PartialSource {
  /** File name without `.mdx`. */
  name: string;
  source: string;
}

/**
 * The partials for `locale`: the locale's own file where there is one
 * (`partials/<locale>/<name>.mdx`), else the default (`partials/<name>.mdx`).
 */
export function partialsForLocale(
  defaults: readonly PartialSource[],
  localized: readonly PartialSource[] = [],
): Map<string, string> {
  const partials = new Map<string, string>();
  for (const { name, source } of defaults) partials.set(name, source.trim());
  for (const { name, source } of localized) partials.set(name, source.trim());
  return partials;
}

export interface ExpandedBody {
  body: string;
  /** Names used in the body with no partial of that name (or not a valid name). */
  unknown: string[];
  /** Names of every partial the body includes, in order, once each. */
  used: string[];
}

/**
 * Replaces each `<Partial name="…" />` line with the partial's text, indented like the tag.
 * Lines inside fenced code blocks are left alone (an article may show the tag as an example).
 * A partial is not expanded inside another partial: one level keeps each passage readable alone.
 */
export function expandPartials(body: string, partials: ReadonlyMap<string, string>): ExpandedBody {
  const unknown: string[] = [];
  const used: string[] = [];
  let inFence = false;
  const lines = body.split('\n').map((line) => {
    if (FENCE.test(line)) inFence = !inFence;
    if (inFence) return line;
    const match = PARTIAL_LINE.exec(line);
    if (!match) return line;
    const [, indent = '', name = ''] = match;
    const text = isValidPartialName(name) ? partials.get(name) : undefined;
    if (text === undefined) {
      unknown.push(name);
      return line;
    }
    if (!used.includes(name)) used.push(name);
    return text
      .split('\n')
      .map((partialLine) => (partialLine === '' ? '' : indent + partialLine))
      .join('\n');
  });
  return { body: lines.join('\n'), unknown, used };
}

/** Partials that themselves contain a `<Partial>` tag (not allowed: see expandPartials). */
export function nestedPartials(partials: ReadonlyMap<string, string>): string[] {
  return [...partials]
    .filter(([, text]) => text.split('\n').some((line) => PARTIAL_LINE.test(line)))
    .map(([name]) => name);
}
