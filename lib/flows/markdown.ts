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

/** Parses node text (CommonMark) to a tree; rendering decides what is allowed. */
export function parseMarkdown(source: string): MdNode {
  return parser.parse(source) as unknown as MdNode;
}

const SAFE_URL = /^(https:\/\/|http:\/\/localhost[:/]|\/(?!\/)|#)/i;

/** Only https, site-relative and #anchor links become links; anything else stays text. */
export const isSafeHref = (url: string | undefined): url is string => Boolean(url && SAFE_URL.test(url));
