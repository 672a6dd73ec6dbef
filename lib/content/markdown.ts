import GithubSlugger from 'github-slugger';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

export interface Heading {
  depth: number;
  text: string;
  id: string;
}

export interface LinkRef {
  url: string;
  line?: number;
}

export interface MarkdownOutline {
  headings: Heading[];
  links: LinkRef[];
}

interface Node {
  type: string;
  value?: unknown;
  children?: Node[];
  depth?: number;
  url?: string;
  name?: string | null;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
  position?: { start: { line: number } };
}

function textOf(node: Node): string {
  if (typeof node.value === 'string' && node.type !== 'mdxFlowExpression' && node.type !== 'mdxTextExpression') {
    return node.value;
  }
  return (node.children ?? []).map(textOf).join('');
}

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

/**
 * Headings (with the same ids rehype-slug gives them on the page) and every link target,
 * from Markdown links, definitions and JSX `<a href>`. Throws when the MDX does not parse.
 */
export function outlineMarkdown(source: string): MarkdownOutline {
  const tree = parser.runSync(parser.parse(source)) as unknown as Node;
  const slugger = new GithubSlugger();
  const headings: Heading[] = [];
  const links: LinkRef[] = [];
  visit(tree as never, (raw: unknown) => {
    const node = raw as Node;
    const line = node.position?.start.line;
    if (node.type === 'heading') {
      const text = textOf(node).trim();
      headings.push({ depth: node.depth ?? 2, text, id: slugger.slug(text) });
    } else if ((node.type === 'link' || node.type === 'definition') && typeof node.url === 'string') {
      links.push({ url: node.url, line });
    } else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      for (const attribute of node.attributes ?? []) {
        if (attribute.name === 'href' && typeof attribute.value === 'string') links.push({ url: attribute.value, line });
      }
    }
  });
  return { headings, links };
}
