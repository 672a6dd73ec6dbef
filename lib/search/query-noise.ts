/**
 * Removes the parts of a pasted error or log line that name *this* user's
 * world rather than the problem: URLs, paths, e-mail addresses, ids, tokens,
 * long numbers. Kept: words that carry meaning inside them, such as
 * `error=redirect_uri_mismatch` in a callback URL. Greenlight's own: generic
 * engines index such noise as if it were content.
 */

const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s"'`<>()]+/gi;
const SCP_REMOTE = /\b[\w.-]+@[\w.-]+:[\w./~-]+/g; // git@github.com:owner/repo.git
const EMAIL = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g;
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const SECRET_TOKEN = /\b(?:gh[pousr]_|github_pat_|xox[abp]-|sk-|glpat-|AKIA)[\w*-]*/g;
const MENTION = /(^|\s)@[\w-]+/g;
const FILE_PATH = /(?:^|\s)(?:[.~]?\/)?(?:[\w.@-]+\/)+[\w.@-]*/g; // a/b/c.txt, refs/heads/main, /info/refs
const WORD_CHUNK = /[^\s]+/g;

export interface CleanedQuery {
  text: string;
  /** Looks pasted (long, or carries URLs/paths/ids): typo tolerance would only invent matches. */
  pasted: boolean;
  /** Carried URLs, paths, ids or tokens: machine output (an error or log), not a person's wording. */
  machineText: boolean;
}

export function cleanQuery(raw: string): CleanedQuery {
  let text = raw.slice(0, 2000);
  let noise = 0;
  const count = (replacement: string) => () => {
    noise++;
    return replacement;
  };
  text = text.replace(URL_PATTERN, (url) => {
    noise++;
    return ` ${meaningfulPartsOfUrl(url)} `;
  });
  text = text.replace(SCP_REMOTE, count(' '));
  text = text.replace(EMAIL, count(' '));
  text = text.replace(UUID, count(' '));
  text = text.replace(SECRET_TOKEN, count(' '));
  text = text.replace(MENTION, (_m, lead: string) => {
    noise++;
    return `${lead} `;
  });
  text = text.replace(FILE_PATH, (path) => {
    noise++;
    return ` ${snakeCaseWords(path)} `;
  });
  text = text.replace(WORD_CHUNK, (chunk) => {
    if (isIdLike(chunk)) {
      noise++;
      return ' ';
    }
    return chunk;
  });
  const wordCount = (text.match(/[A-Za-z]{2,}/g) ?? []).length;
  return {
    text: text.replace(/\s+/g, ' ').trim(),
    pasted: noise > 0 || wordCount > 12,
    machineText: noise > 0,
  };
}

/** Query-string values and snake_case path segments; never host, owner or repo names. */
function meaningfulPartsOfUrl(url: string): string {
  const [, query = ''] = url.split('?', 2);
  const kept: string[] = [];
  for (const pair of query.split(/[&#]/)) {
    const value = pair.split('=', 2)[1];
    if (!value) continue;
    let decoded = value.replace(/\+/g, ' ');
    try {
      decoded = decodeURIComponent(decoded);
    } catch {
      // keep it raw
    }
    if (!isIdLike(decoded)) kept.push(decoded);
  }
  return `${snakeCaseWords(url.split('?', 1)[0] ?? '')} ${kept.join(' ')}`;
}

function snakeCaseWords(text: string): string {
  return (text.match(/\b[a-z]+(?:_[a-z]+)+\b/gi) ?? []).join(' ');
}

/** Hex ids, random-looking identifiers and numbers that are not short codes. */
function isIdLike(chunk: string): boolean {
  const core = chunk.replace(/^[^\w]+|[^\w]+$/g, '');
  if (!core) return false;
  if (/^\d+(?:[.,:]\d+)+$/.test(core)) return true; // 212.47, 10:42:07, versions
  if (/^\d+$/.test(core)) return core.length > 4 || core.length < 3; // keep 403, 2021
  if (/^[0-9a-f]{6,}$/i.test(core) && /\d/.test(core) && /[a-f]/i.test(core)) return true;
  // random slugs like g4x9q7wp2rjh: long and digits mixed among letters
  for (const part of core.split(/[-_.]/)) {
    const digits = (part.match(/\d/g) ?? []).length;
    if (part.length >= 8 && digits >= 2 && /[a-z]/i.test(part)) return true;
  }
  return false;
}
