import 'server-only';
import { evaluate } from '@mdx-js/mdx';
import type { MDXContent } from 'mdx/types';
import * as runtime from 'react/jsx-runtime';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import { processWide } from '@/lib/process-wide';

/**
 * Turns an article's MDX into a component. Heading ids come from rehype-slug, the same slugger
 * the content validator uses for anchor links.
 */
export async function compileArticleBody(body: string): Promise<MDXContent> {
  const { default: Content } = await evaluate(body, {
    ...runtime,
    remarkPlugins: [remarkGfm],
    rehypePlugins: [rehypeSlug],
  });
  return Content;
}

// Article pages render per request (each needs its own CSP nonce), but an article's source only
// changes with a deploy: compile each body once per process and keep the component. Keyed by the
// source itself, so an edited article (dev server) compiles afresh. A failed compile is not kept.
// Process-wide, so the compiles done at start-up (instrumentation.ts) serve every route.
/** compileArticleBody, once per distinct body per process. */
export function compiledArticleBody(body: string): Promise<MDXContent> {
  const compiled = processWide('compiled-article-bodies', () => new Map<string, Promise<MDXContent>>());
  let pending = compiled.get(body);
  if (!pending) {
    pending = compileArticleBody(body);
    compiled.set(body, pending);
    pending.catch(() => compiled.delete(body));
  }
  return pending;
}
