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
  const matches = consent.appClientId === consent.clientId;
  return (
    <section
      aria-labelledby="requested-consent-title"
      className="space-y-3 rounded-md border border-slate-200 p-4 dark:border-slate-700"
    >
      <h3 id="requested-consent-title" className="font-semibold">
        The consent page the requester saw
      </h3>
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">App</dt>
        <dd>
          {matches ? `${appName}, ` : ''}client id <code>{consent.clientId}</code>
          {matches ? null : (
            <span className="block text-amber-800 dark:text-amber-300">
              {consent.appClientId
                ? `Not the client id Greenlight has for ${appName}.`
                : `Greenlight has no client id on record for ${appName}: check that the consent screen names it.`}
            </span>
          )}
        </dd>
        <dt className="font-medium">Scopes</dt>
        <dd>
          <ul className="flex flex-wrap gap-2" aria-label="Requested scopes">
            {consent.scopes.map((scope) => (
              <li key={scope}>
                <code className="rounded bg-slate-100 px-2 py-0.5 dark:bg-slate-800">{scope}</code>
              </li>
            ))}
          </ul>
        </dd>
        <dt className="font-medium">Returns to</dt>
        <dd>{consent.redirectHost}</dd>
      </dl>
      <p>
        <a href={consentHref} target="_blank" rel="noopener noreferrer" className="btn-primary">
          Open the same consent screen as admin
          <span className="sr-only"> (opens in a new tab)</span>
        </a>
      </p>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Sign in with your admin account, choose <strong>{siteName}</strong> on the consent screen and accept.
        The app did not start this sign-in, so its own page may show an error when Atlassian sends you back to{' '}
        {consent.redirectHost}; Atlassian records your consent all the same. Then ask the requester to connect
        the app again.
      </p>
    </section>
  );
}
