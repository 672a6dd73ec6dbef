import { useTranslations } from 'next-intl';
import { Link } from '@/lib/i18n/navigation';
import type { ReactNode } from 'react';
import { isSafeHref, parseMarkdown, type MdNode } from '@/lib/flows/markdown';

/**
 * Draws flow text from a Markdown tree with React elements only: no HTML string is ever injected,
 * raw HTML in the text shows as text, and only safe link targets become links.
 */
export function FlowMarkdown({ source, inline = false }: { source: string; inline?: boolean }) {
  const t = useTranslations('Wizard');
  const words: Words = { newTab: t('opensInNewTab') };
  const tree = parseMarkdown(source);
  if (inline && tree.children?.length === 1 && tree.children[0]!.type === 'paragraph') {
    return <>{renderChildren(tree.children[0]!, words)}</>;
  }
  return (
    <div className="space-y-3 [&_a]:font-medium [&_a]:text-brand-700 [&_a]:underline dark:[&_a]:text-brand-500">
      {renderChildren(tree, words)}
    </div>
  );
}

/** The few words the renderer adds itself, in the reader's language. */
interface Words {
  newTab: string;
}

function renderChildren(node: MdNode, words: Words): ReactNode[] {
  return (node.children ?? []).map((child, index) => renderNode(child, index, words));
}

function renderNode(node: MdNode, key: number, words: Words): ReactNode {
  switch (node.type) {
    case 'paragraph':
      return <p key={key}>{renderChildren(node, words)}</p>;
    case 'text':
    case 'html':
      return node.value;
    case 'strong':
      return <strong key={key}>{renderChildren(node, words)}</strong>;
    case 'emphasis':
      return <em key={key}>{renderChildren(node, words)}</em>;
    case 'inlineCode':
      return (
        <code key={key} className="rounded bg-slate-100 px-1 py-0.5 text-[0.9em] dark:bg-slate-800">
          {node.value}
        </code>
      );
    case 'code':
      return (
        <pre key={key} className="overflow-x-auto rounded bg-slate-100 p-3 text-sm dark:bg-slate-800">
          <code>{node.value}</code>
        </pre>
      );
    case 'break':
      return <br key={key} />;
    case 'link': {
      if (!isSafeHref(node.url)) return <span key={key}>{renderChildren(node, words)}</span>;
      if (node.url.startsWith('/')) {
        return (
          <Link key={key} href={node.url}>
            {renderChildren(node, words)}
          </Link>
        );
      }
      return (
        <a key={key} href={node.url} target="_blank" rel="noopener noreferrer">
          {renderChildren(node, words)}
          <span className="sr-only"> {words.newTab}</span>
        </a>
      );
    }
    case 'list': {
      const Tag = node.ordered ? 'ol' : 'ul';
      return (
        <Tag key={key} className={node.ordered ? 'list-decimal space-y-1 pl-6' : 'list-disc space-y-1 pl-6'}>
          {renderChildren(node, words)}
        </Tag>
      );
    }
    case 'listItem':
      return (
        <li key={key}>
          {(node.children ?? []).flatMap((child) =>
            child.type === 'paragraph' ? renderChildren(child, words) : [renderNode(child, 0, words)],
          )}
        </li>
      );
    case 'blockquote':
      return (
        <blockquote key={key} className="border-l-4 border-slate-300 pl-3 italic dark:border-slate-600">
          {renderChildren(node, words)}
        </blockquote>
      );
    default:
      // Headings, images, tables: flow text has no use for them; keep the words.
      return node.children ? <span key={key}>{renderChildren(node, words)}</span> : (node.value ?? null);
  }
}
