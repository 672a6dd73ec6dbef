import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** The Markdown nodes the wizard draws; anything else (HTML, images) is shown as plain text or dropped. */
export interface MdNode {
  type: string;
  value?: string;
  url?: string;
  ordered?: boolean | null;
  children?: MdNode[];
}

const parser = unified().use(remarkParse);

// Every troubleshooter render parsed the same few texts again (a tenth of the page's server time
// under load). Kept per process, bounded because templated texts carry values from the URL.
const PARSED_LIMIT = 500;
const parsed = new Map<string, MdNode>();

/** Parses node text (CommonMark) to a tree; rendering decides what is allowed. Do not mutate it. */
export function parseMarkdown(source: string): MdNode {
  const known = parsed.get(source);
  if (known) return known;
  const tree = parser.parse(source) as unknown as MdNode;
  if (parsed.size >= PARSED_LIMIT) parsed.delete(parsed.keys().next().value!);
  parsed.set(source, tree);
  return tree;
}

const SAFE_URL = /^(https:\/\/|http:\/\/localhost[:/]|\/(?!\/)|#)/i;

/** Only https, site-relative and #anchor links become links; anything else stays text. */
export const isSafeHref = (url: string | undefined): url is string => Boolean(url && SAFE_URL.test(url));
