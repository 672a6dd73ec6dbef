import { useTranslations } from 'next-intl';
import { Link } from '@/lib/i18n/navigation';
import { splitLocalePath } from '@/lib/i18n/paths';
import type { SearchAnswer } from '@/lib/search/search-answer';

type Signature = NonNullable<SearchAnswer['signature']>;

/**
 * The article and troubleshooter for a pasted error the search recognised, both in the reader's
 * language (`signature.url` may carry its article's prefix, which Link would add again).
 */
export function RecognisedErrorCard({
  signature,
  onNavigate,
}: {
  signature: Signature;
  onNavigate?: () => void;
}) {
  const t = useTranslations('Search');
  const site = signature.captures.site;
  return (
    <section
      aria-labelledby="recognised-error-title"
      className="rounded-lg border border-brand-500 bg-brand-50 p-4 dark:border-brand-700 dark:bg-brand-900/30"
    >
      <p className="text-xs font-semibold uppercase tracking-wide text-brand-800 dark:text-brand-100">
        {t('recognisedError')}
      </p>
      <h2 id="recognised-error-title" className="mt-1 font-semibold">
        <Link href={splitLocalePath(signature.url).path} onClick={onNavigate} className="hover:underline">
          {signature.title ?? t('readArticle')}
        </Link>
      </h2>
      {site ? (
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
          {t.rich('site', { site, strong: (chunks) => <strong>{chunks}</strong> })}
        </p>
      ) : null}
      {signature.troubleshooterUrl ? (
        <Link href={signature.troubleshooterUrl} onClick={onNavigate} className="btn-primary mt-3">
          {site ? t('fixIt', { site }) : t('startTroubleshooter')}
        </Link>
      ) : null}
    </section>
  );
}
