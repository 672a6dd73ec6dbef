// The message a member sends (or copies) to ask a site admin to authorize an app, in the reader's
// language. The error is quoted as Atlassian shows it: its German and Japanese wording could not be
// found (messages/NOTES.md), so an error the visitor did not paste is quoted in English.
import { useTranslations } from 'next-intl';

export interface RequestMessageFacts {
  site?: string;
  app?: string;
  error?: string;
}

/** Atlassian's own wording of the error, for a visitor who did not paste theirs. */
export function atlassianErrorText(site: string | undefined): string {
  return `Your site admin must authorize this app for the site ${site ?? '<site>'} before the app can access your account.`;
}

type Translate = (key: string, values?: Record<string, string>) => string;

/** The message from a translator of the RequestForm namespace (pure, for tests and the hook). */
export function composeRequestMessage(t: Translate, { site, app, error }: RequestMessageFacts): string {
  return t('message', {
    app: app ?? t('messageAnApp'),
    site: site ?? t('messageOurSite'),
    error: error ?? atlassianErrorText(site),
    siteLine: site ?? t('messageUnknown'),
    appLine: app ?? t('messageUnknown'),
  });
}

/** `requestMessage({ site, app, error })` in the reader's language (server and client components). */
export function useRequestMessage(): (facts: RequestMessageFacts) => string {
  const t = useTranslations('RequestForm');
  return (facts) => composeRequestMessage((key, values) => t(key, values), facts);
}
