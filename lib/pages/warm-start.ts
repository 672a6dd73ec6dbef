import 'server-only';
import { getArticles } from '@/lib/content/articles';
import { compiledArticleBody } from '@/lib/content/compile';
import { getFlows } from '@/lib/flows/load';
import { logger } from '@/lib/log';
import { getArticleSearchIndex } from '@/lib/search/article-index';

/**
 * Everything a first page render or search would otherwise do on the spot, done once at start-up:
 * read and validate the content, compile every article's MDX, load the flows and build the search
 * index (all kept process-wide, so every route's bundle finds them ready). A failure is logged and
 * left for the request that needs it to report, as it would without warming.
 */
export async function warmStart(): Promise<void> {
  const started = performance.now();
  try {
    const articles = getArticles();
    getFlows();
    getArticleSearchIndex().search('authorize app', { limit: 10 });
    await Promise.all(articles.map((article) => compiledArticleBody(article.body)));
    logger.info({ ms: Math.round(performance.now() - started), articles: articles.length }, 'warm start');
  } catch (error) {
    logger.error({ err: error }, 'warm start failed');
  }
}
