import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import matter from 'gray-matter';
import { documentFromMarkdown } from './markdown-text';
import type { SearchDocument } from './types';

/**
 * Reads every .md/.mdx file under a folder as SearchDocuments (id = path
 * relative to the folder without the extension); `recursive: false` reads the
 * folder alone (the help center's English articles sit beside `de/` and `ja/`). Used by the batch runner and
 * the benchmark to index an arbitrary corpus with the production pipeline.
 */
export function loadMarkdownCorpus(root: string, options: { recursive?: boolean } = {}): SearchDocument[] {
  const docs: SearchDocument[] = [];
  for (const file of listMarkdownFiles(root, options.recursive ?? true)) {
    const id = relative(root, file)
      .split('\\')
      .join('/')
      .replace(/\.mdx?$/, '');
    let parsed: { content: string; data: Record<string, unknown> };
    const raw = readFileSync(file, 'utf8');
    try {
      parsed = matter(raw);
    } catch {
      parsed = { content: raw.replace(/^---[\s\S]*?\n---\n/, ''), data: {} };
    }
    docs.push(
      documentFromMarkdown({
        id,
        url: `/${id}`,
        markdown: parsed.content,
        data: parsed.data,
        format: file.endsWith('.mdx') ? 'mdx' : 'md',
      }),
    );
  }
  return docs;
}

function listMarkdownFiles(dir: string, recursive: boolean): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (recursive && entry.name !== 'node_modules' && !entry.name.startsWith('.'))
        out.push(...listMarkdownFiles(path, recursive));
    } else if (/\.mdx?$/.test(entry.name)) out.push(path);
  }
  return out;
}

/** K copies of a corpus for scale tests; copy k > 0 gets ids suffixed `~k`. */
export function scaleCorpus(docs: SearchDocument[], copies: number): SearchDocument[] {
  const out: SearchDocument[] = [];
  for (let k = 0; k < copies; k++) {
    for (const doc of docs)
      out.push(k === 0 ? doc : { ...doc, id: `${doc.id}~${k}`, url: `${doc.url}~${k}` });
  }
  return out;
}
