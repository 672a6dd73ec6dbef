import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import type { Root, RootContent } from 'mdast';
import type { SearchDocument } from './types';

/**
 * Turns one Markdown/MDX article into a SearchDocument. Arbitrary corpora are
 * messy (raw HTML in .md, braces that are not expressions), so parsing degrades
 * in steps: MDX → plain Markdown → a regex strip. A bad file costs some
 * precision, never the whole index.
 */

export interface MarkdownSource {
  id: string;
  url: string;
  /** File body without frontmatter. */
  markdown: string;
  /** Parsed frontmatter. */
  data: Record<string, unknown>;
  /** `md` skips the MDX attempt (raw HTML and `{` are ordinary text there). */
  format?: 'md' | 'mdx';
}

interface ExtractedText {
  headings: string[];
  body: string;
  /** Link targets in the order they appear. */
  links: string[];
}

const mdxProcessor = unified().use(remarkParse).use(remarkGfm).use(remarkMdx);
const mdProcessor = unified().use(remarkParse).use(remarkGfm);

export function documentFromMarkdown(source: MarkdownSource): SearchDocument {
  const { data } = source;
  const text = extractText(source.markdown, source.format ?? 'mdx');
  return {
    id: source.id,
    url: source.url,
    title: stringField(data.title) ?? source.id,
    summary: stringField(data.summary) ?? stringField(data.intro) ?? '',
    headings: text.headings,
    tags: stringList(data.tags ?? data.topics),
    body: text.body,
    errorSignatures: stringList(data.errorSignatures),
    products: stringList(data.products ?? data.product),
    audience: stringField(data.audience),
    links: [...text.links, ...stringList(data.related)],
    aliases: stringList(data.aliases ?? data.redirect_from),
  };
}

function extractText(markdown: string, format: 'md' | 'mdx' = 'mdx'): ExtractedText {
  const processors = format === 'mdx' ? [mdxProcessor, mdProcessor] : [mdProcessor];
  for (const processor of processors) {
    try {
      return textFromTree(processor.parse(markdown));
    } catch {
      // try the next, more forgiving way
    }
  }
  return textByRegex(markdown);
}

function textFromTree(root: Root): ExtractedText {
  const headings: string[] = [];
  const blocks: string[] = [];
  for (const node of root.children) collectBlock(node, headings, blocks);
  const links: string[] = [];
  collectLinks(root, links);
  return { headings, body: blocks.filter(Boolean).join('\n'), links };
}

function collectLinks(node: Root | RootContent, links: string[]): void {
  if (node.type === 'link' || node.type === 'definition') links.push(node.url);
  if ('children' in node) for (const child of node.children) collectLinks(child as RootContent, links);
}

function collectBlock(node: RootContent, headings: string[], blocks: string[]): void {
  switch (node.type) {
    case 'heading': {
      const text = inlineText(node).trim();
      if (text) headings.push(text);
      return;
    }
    case 'code':
      blocks.push(node.value);
      return;
    case 'html':
      blocks.push(stripTags(node.value));
      return;
    case 'paragraph':
    case 'tableCell':
      blocks.push(inlineText(node).trim());
      return;
    case 'yaml':
    case 'definition':
    case 'mdxjsEsm':
    case 'mdxFlowExpression':
    case 'thematicBreak':
      return;
    default:
      // containers: lists, blockquotes, tables, MDX JSX blocks such as <Steps>
      if ('children' in node)
        for (const child of node.children) collectBlock(child as RootContent, headings, blocks);
  }
}

function inlineText(node: RootContent | Root): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'html':
      return stripTags(node.value);
    case 'mdxTextExpression':
    case 'mdxFlowExpression':
    case 'mdxjsEsm':
      return '';
    case 'break':
      return ' ';
    case 'image':
      return node.alt ?? '';
    default:
      if ('children' in node) return (node.children as RootContent[]).map(inlineText).join('');
      return '';
  }
}

function stripTags(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Last resort for text that no parser accepts. */
function textByRegex(markdown: string): ExtractedText {
  const headings: string[] = [];
  const lines: string[] = [];
  const links = [...markdown.matchAll(/\]\(\s*([^)\s]+)[^)]*\)/g)].map((m) => m[1]!);
  for (const rawLine of markdown.split('\n')) {
    const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(rawLine);
    if (heading?.[1]) {
      headings.push(cleanInline(heading[1]));
      continue;
    }
    if (/^\s*(import|export)\s/.test(rawLine)) continue;
    const line = cleanInline(rawLine.replace(/^\s*(?:[-*+]|\d+\.|>)\s+/, ''));
    if (line) lines.push(line);
  }
  return { headings, body: lines.join('\n'), links };
}

function cleanInline(text: string): string {
  return text
    .replace(/^\s*```.*$/, '')
    .replace(/\{[^{}]*\}/g, ' ') // MDX expressions
    .replace(/<[^>]*>/g, ' ') // JSX and HTML tags, keep their text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function stringField(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim()) return value.trim();
  return undefined;
}

function stringList(value: unknown): string[] {
  if (typeof value === 'string') return value.trim() ? [value.trim()] : [];
  if (Array.isArray(value))
    return value.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
  return [];
}
