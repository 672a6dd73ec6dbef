import { snippetParts } from '@/lib/search/snippet-markup';

/**
 * The API's snippet is escaped HTML whose only markup is <mark> (lib/search/snippet-markup.ts).
 * It is rebuilt here as React elements (text is escaped again by React), so no HTML string is
 * ever injected into the page.
 */
export function Snippet({ html, className }: { html: string; className?: string }) {
  return (
    <span className={className}>
      {snippetParts(html).map((part, index) =>
        part.marked ? (
          <mark key={index} className="rounded-sm bg-yellow-200 px-0.5 text-inherit dark:bg-yellow-700/60">
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </span>
  );
}
