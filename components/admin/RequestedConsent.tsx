import { useTranslations } from 'next-intl';
import type { RequestedConsent as Consent } from '@/lib/requests/access-request-dto';

interface Props {
  consent: Consent;
  appName: string;
  siteName: string;
  /** The consent started again for the admin (lib/flows/consent-url.ts consentLinkFor). */
  consentHref: string;
}

/**
 * Exactly which app and permissions the requester was asked to consent to, and the link that shows
 * the admin the same consent screen. Used by the console's request page and the wizard's admin step.
 */
export function RequestedConsent({ consent, appName, siteName, consentHref }: Props) {
  const t = useTranslations('Inbox.consent');
  const matches = consent.appClientId === consent.clientId;
  return (
    <section
      aria-labelledby="requested-consent-title"
      className="space-y-3 rounded-md border border-slate-200 p-4 dark:border-slate-700"
    >
      <h3 id="requested-consent-title" className="font-semibold">
        {t('title')}
      </h3>
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">{t('app')}</dt>
        <dd>
          {matches ? `${appName}, ` : ''}
          {t('clientId')} <code>{consent.clientId}</code>
          {matches ? null : (
            <span className="block text-amber-800 dark:text-amber-300">
              {consent.appClientId ? t('otherClientId', { app: appName }) : t('noClientId', { app: appName })}
            </span>
          )}
        </dd>
        <dt className="font-medium">{t('scopes')}</dt>
        <dd>
          <ul className="flex flex-wrap gap-2" aria-label={t('scopesList')}>
            {consent.scopes.map((scope) => (
              <li key={scope}>
                <code className="rounded bg-slate-100 px-2 py-0.5 dark:bg-slate-800">{scope}</code>
              </li>
            ))}
          </ul>
        </dd>
        <dt className="font-medium">{t('returnsTo')}</dt>
        <dd>{consent.redirectHost}</dd>
      </dl>
      <p>
        <a href={consentHref} target="_blank" rel="noopener noreferrer" className="btn-primary">
          {t('open')}
          <span className="sr-only">{t('newTab')}</span>
        </a>
      </p>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        {t.rich('howTo', {
          site: siteName,
          host: consent.redirectHost,
          strong: (chunks) => <strong>{chunks}</strong>,
        })}
      </p>
    </section>
  );
}
