// Validates every article before a build (GREENLIGHT_CONTENT_DIR, content/ by default); exits
// non-zero naming each bad file and field.
import { loadArticles } from '@/lib/content/articles';
import { ContentError } from '@/lib/content/validate';
import { loadFeaturedSlugs } from '@/lib/content/featured';
import { articlesWithoutSources, formatStalenessReport, staleArticles } from '@/lib/content/freshness';
import { contentPaths } from '@/lib/content/paths';

try {
  const paths = contentPaths();
  const articles = loadArticles(paths.articles, { partialsDir: paths.partials });
  // Every article says where its facts come from; the staleness report only warns.
  const unsourced = articlesWithoutSources(articles);
  if (unsourced.length > 0) {
    console.error(unsourced.map((file) => `${file}: sources: name at least one source`).join('\n'));
    process.exit(1);
  }
  console.error(formatStalenessReport(staleArticles(articles, new Date())));
  const slugs = new Set(articles.map((article) => article.slug));
  const missing = loadFeaturedSlugs(paths.featured).filter((slug) => !slugs.has(slug));
  if (missing.length > 0) {
    console.error(`${paths.featured}: popular: no article "${missing.join('", "')}"`);
    process.exit(1);
  }
  // Article pages render per request (for their CSP nonce), so the build no longer compiles their
  // MDX: compile every body here, so a broken article still fails the build, not a visitor.
  const { compileArticleBody } = await import('@/lib/content/compile');
  for (const article of articles) {
    try {
      await compileArticleBody(article.body);
    } catch (error) {
      throw new Error(
        `${article.path}: MDX does not compile: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  console.error(`content: ${articles.length} articles are valid and compile`);

  // Translations (articles/<locale>/<slug>.mdx): valid, each of an English article; a translation
  // made from an older English version is reported (the page shows it with a notice).
  const { loadTranslations } = await import('@/lib/content/localized-articles');
  const { LOCALES, DEFAULT_LOCALE } = await import('@/lib/i18n/locales');
  for (const locale of LOCALES.filter((l) => l !== DEFAULT_LOCALE)) {
    const translations = loadTranslations(paths.articles, locale, articles);
    if (translations.problems.length > 0) throw new ContentError(translations.problems);
    if (translations.orphans.length > 0)
      throw new Error(
        `${translations.orphans.join(', ')}: translates no English article (same slug as the English file)`,
      );
    for (const article of translations.articles) await compileArticleBody(article.body);
    for (const stale of translations.stale)
      console.error(
        `content: warning: ${stale.path} was translated from ${stale.recorded ? `English version ${stale.recorded}` : 'an unrecorded English version'}; the English is now ${stale.current} (npm run content:hash ${stale.slug})`,
      );
    console.error(
      `content: ${translations.articles.length} ${locale} translations are valid (${translations.stale.length} stale)`,
    );
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

// Troubleshooter flows: the graph rules (reachable, no dead ends, no cycles, known checks, real articles).
try {
  const { loadFlows, loadFlowOverlays } = await import('@/lib/flows/load');
  const flows = loadFlows();
  console.error(`content: ${flows.length} flows are valid`);
  // Their texts in other languages: every node, choice and step an overlay names must exist.
  const { LOCALES, DEFAULT_LOCALE } = await import('@/lib/i18n/locales');
  for (const locale of LOCALES.filter((l) => l !== DEFAULT_LOCALE)) {
    const overlays = loadFlowOverlays(locale, flows);
    console.error(`content: ${overlays.size} ${locale} flow texts are valid`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
