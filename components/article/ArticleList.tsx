import { Link } from '@/lib/i18n/navigation';
import type { Article } from '@/lib/content/validate';

export function ArticleList({ articles, headingLevel = 3 }: { articles: Article[]; headingLevel?: 2 | 3 }) {
  const Title = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul className="divide-y divide-slate-200 dark:divide-slate-800">
      {articles.map((article) => (
        <li key={article.slug} className="py-3">
          <Title className="font-medium">
            <Link
              href={`/articles/${article.slug}`}
              // Pages render per request (CSP nonce): prefetching every listed article would cost a
              // server render each for links nobody may follow.
              prefetch={false}
              className="text-brand-700 hover:underline dark:text-brand-500"
            >
              {article.frontmatter.title}
            </Link>
          </Title>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{article.frontmatter.summary}</p>
        </li>
      ))}
    </ul>
  );
}
