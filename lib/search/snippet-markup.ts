/**
 * The snippet's wire format, written once for both sides: text escaped as HTML, with `<mark>`
 * around matched words as the only markup. The server escapes with `escapeSnippetText`
 * (snippet.ts); the browser turns the string back into text with `snippetParts` (Snippet.tsx)
 * and lets React escape it again. Kept in one module because the two sides once disagreed (the
 * server wrote `&#34;`, the browser only knew `&quot;`) and quotes showed up as `&#34;`.
 */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const UNESCAPES: Record<string, string> = Object.fromEntries(
  Object.entries(ESCAPES).map(([char, entity]) => [entity, char]),
);

export function escapeSnippetText(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** The inverse of escapeSnippetText; any other entity is left as written (it was text). */
export function unescapeSnippetText(html: string): string {
  return html.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => UNESCAPES[entity] ?? entity);
}

export interface SnippetPart {
  text: string;
  marked: boolean;
}

/** A snippet as plain-text parts, marked or not; never HTML. */
export function snippetParts(html: string): SnippetPart[] {
  return html
    .split(/(<mark>[\s\S]*?<\/mark>)/g)
    .filter(Boolean)
    .map((part) => {
      const marked = part.startsWith('<mark>') && part.endsWith('</mark>');
      return { marked, text: unescapeSnippetText(marked ? part.slice(6, -7) : part) };
    });
}
