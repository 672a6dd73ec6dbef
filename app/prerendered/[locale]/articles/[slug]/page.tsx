// Every article in every language, prerendered for signed-out readers (see ../../layout.tsx); the
// page itself is app/[locale]/articles/[slug]. A slug the build did not see renders per request there.
import { getArticles } from '@/lib/content/articles';

export * from '@/app/[locale]/articles/[slug]/page';
export { default } from '@/app/[locale]/articles/[slug]/page';

export const dynamicParams = false;

export function generateStaticParams() {
  return getArticles().map((article) => ({ slug: article.slug }));
}
