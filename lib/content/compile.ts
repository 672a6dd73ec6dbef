import 'server-only';
import { evaluate } from '@mdx-js/mdx';
import type { MDXContent } from 'mdx/types';
import * as runtime from 'react/jsx-runtime';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';

/**
 * Turns an article's MDX into a component. Articles are part of the build (statically generated),
 * so this runs at build time, never per request. Heading ids come from rehype-slug, the same
 * slugger the content validator uses for anchor links.
 */
export async function compileArticleBody(body: string): Promise<MDXContent> {
  const { default: Content } = await evaluate(body, {
    ...runtime,
    remarkPlugins: [remarkGfm],
    rehypePlugins: [rehypeSlug],
  });
  return Content;
}
