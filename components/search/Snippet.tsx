const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

/**
 * The API's snippet is escaped HTML whose only markup is <mark>. It is rebuilt here as React
 * elements (text is escaped again by React), so no HTML string is ever injected into the page.
 */
export function Snippet({ html, className }: { html: string; className?: string }) {
  const parts = html.split(/(<mark>[\s\S]*?<\/mark>)/g).filter(Boolean);
  return (
    <span className={className}>
      {parts.map((part, index) => {
        const marked = part.startsWith('<mark>');
        const text = (marked ? part.slice(6, -7) : part).replace(
          /&(?:amp|lt|gt|quot|#39);/g,
          (e) => ENTITIES[e] ?? e,
        );
        return marked ? (
          <mark key={index} className="rounded-sm bg-yellow-200 px-0.5 text-inherit dark:bg-yellow-700/60">
            {text}
          </mark>
        ) : (
          <span key={index}>{text}</span>
        );
      })}
    </span>
  );
}
