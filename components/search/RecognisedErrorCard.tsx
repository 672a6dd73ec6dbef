import { Link } from '@/lib/i18n/navigation';
import type { SearchAnswer } from '@/lib/search/search-answer';

type Signature = NonNullable<SearchAnswer['signature']>;

export function RecognisedErrorCard({
  signature,
  onNavigate,
}: {
  signature: Signature;
  onNavigate?: () => void;
}) {
  const site = signature.captures.site;
  return (
    <section
      aria-labelledby="recognised-error-title"
      className="rounded-lg border border-brand-500 bg-brand-50 p-4 dark:border-brand-700 dark:bg-brand-900/30"
    >
      <p className="text-xs font-semibold uppercase tracking-wide text-brand-800 dark:text-brand-100">
        Recognised error
      </p>
      <h2 id="recognised-error-title" className="mt-1 font-semibold">
        <Link href={signature.url} onClick={onNavigate} className="hover:underline">
          {signature.title ?? 'Read the article for this error'}
        </Link>
      </h2>
      {site ? (
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
          Site: <strong>{site}</strong>
        </p>
      ) : null}
      {signature.troubleshooterUrl ? (
        <Link href={signature.troubleshooterUrl} onClick={onNavigate} className="btn-primary mt-3">
          {site ? `Fix it for ${site}` : 'Start the troubleshooter'}
        </Link>
      ) : null}
    </section>
  );
}
