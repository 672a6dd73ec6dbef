'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import type { ConsentUrlProblem, ConsentUrlReading } from '@/lib/flows/consent-url';

// Each reason a pasted address is refused (lib/flows/consent-url.ts), as its full catalog key.
const CONSENT_PROBLEM_KEYS: Record<ConsentUrlProblem, string> = {
  'too-long': 'RequestForm.consentTooLong',
  'not-a-url': 'RequestForm.consentNotUrl',
  'not-atlassian': 'RequestForm.consentNotAtlassian',
  'no-app': 'RequestForm.consentNoApp',
  'bad-client-id': 'RequestForm.consentBadClientId',
  'too-many-scopes': 'RequestForm.consentTooManyScopes',
  'callback-secret': 'RequestForm.consentCallbackSecret',
};

interface Props {
  value: string;
  onChange: (value: string) => void;
  /** What Greenlight read from the value (null while empty). */
  reading: ConsentUrlReading | null;
  appName: string;
  /** The client id Greenlight has on record for the app, when it has one. */
  appClientId?: string | null;
  /** The server's answer when it refused the address. */
  serverError?: string;
}

/**
 * Optional: the address of the consent page that showed the error. Read in the browser with the
 * same code the server uses, so the requester sees what will reach the admin before sending.
 */
export function ConsentUrlField({ value, onChange, reading, appName, appClientId, serverError }: Props) {
  const t = useTranslations('RequestForm');
  const label = useTranslations();
  const id = useId();
  const error = reading && !reading.ok ? label(CONSENT_PROBLEM_KEYS[reading.problem]) : serverError;
  const otherApp = reading?.ok && appClientId && appClientId !== reading.consent.clientId;
  return (
    <div className="space-y-2">
      <label htmlFor={`${id}-url`} className="block font-medium">
        {t('consentLabel')}
      </label>
      <p id={`${id}-hint`} className="text-sm text-slate-600 dark:text-slate-400">
        {t('consentHint')}
      </p>
      <input
        id={`${id}-url`}
        type="url"
        inputMode="url"
        className="input w-full font-mono text-sm"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        placeholder="https://auth.atlassian.com/authorize?..."
      />
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
      {reading?.ok ? (
        <section
          aria-label={t('consentReadLabel')}
          className="space-y-1 rounded-md border border-slate-200 p-3 text-sm dark:border-slate-700"
        >
          <p className="font-medium">{t('consentRead')}</p>
          <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
            <dt>{t('consentApp')}</dt>
            <dd>
              {appClientId === reading.consent.clientId ? `${appName}, ` : ''}
              {t('consentClientId')} <code>{reading.consent.clientId}</code>
            </dd>
            <dt>{t('consentScopes')}</dt>
            <dd>
              <ul className="flex flex-wrap gap-2" aria-label={t('consentScopes')}>
                {reading.consent.scopes.map((scope) => (
                  <li key={scope}>
                    <code className="rounded bg-slate-100 px-2 py-0.5 dark:bg-slate-800">{scope}</code>
                  </li>
                ))}
              </ul>
            </dd>
            <dt>{t('consentReturnsTo')}</dt>
            <dd>{reading.consent.redirectHost}</dd>
          </dl>
          {otherApp ? (
            <p role="alert" className="text-red-700 dark:text-red-400">
              {t('consentOtherApp', { app: appName })}
            </p>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
