import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { listDemoAccounts } from '@/lib/demo/demo-accounts';
import { safeCallbackPath } from '@/lib/auth/safe-callback';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db/client';
import { parsePageParams, type PageSearchParams } from '@/lib/pages/page-params';
import { AtlassianSignInButton, DemoSignInList } from './page.client';
import { localePath } from '@/lib/i18n/locales';
import { pageLocale, type LocaleParams } from '@/lib/pages/page-locale';
import { localizedMetadata } from '@/lib/pages/page-metadata';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<LocaleParams> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: 'Metadata' });
  return localizedMetadata(locale, '/signin', { title: t('signInTitle'), robots: { index: false } });
}

// next-auth reports failures as ?error=<code>; people get a sentence, never the code alone.
const ERROR_KEYS: Record<string, string> = {
  CredentialsSignin: 'SignIn.errorCredentials',
  OAuthCallback: 'SignIn.errorOAuthCallback',
  OAuthSignin: 'SignIn.errorOAuthSignin',
  AccessDenied: 'SignIn.errorAccessDenied',
  SessionRequired: 'SignIn.errorSessionRequired',
};

// Where to go afterwards, and next-auth's ?error=<code>; both are only ever read, never trusted.
const signInParams = z.object({ callbackUrl: z.string().optional(), error: z.string().optional() });

export default async function SignInPage({
  params,
  searchParams,
}: {
  params: Promise<LocaleParams>;
  searchParams: Promise<PageSearchParams>;
}) {
  const locale = await pageLocale(params);
  const t = await getTranslations('SignIn');
  const label = await getTranslations();
  const parsed = parsePageParams(signInParams, await searchParams);
  const query = parsed.ok ? parsed.params : {};
  // Without a page to return to, the home page in the reader's language.
  const callbackUrl = query.callbackUrl ? safeCallbackPath(query.callbackUrl) : localePath(locale, '/');
  const errorCode = query.error;
  const config = getConfig();
  const demoAccounts = config.demoSignIn ? await listDemoAccounts(await getDb()) : [];

  return (
    <div className="mx-auto max-w-xl">
      <h1 className="text-3xl font-bold text-slate-900 dark:text-white">{t('title')}</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">{t('lead')}</p>

      {errorCode ? (
        <p
          role="alert"
          className="mt-6 rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
        >
          {ERROR_KEYS[errorCode] ? label(ERROR_KEYS[errorCode]) : t('errorFallback')}
        </p>
      ) : null}

      {config.atlassianConfigured ? (
        <section className="mt-8" aria-labelledby="atlassian-heading">
          <h2 id="atlassian-heading" className="sr-only">
            {t('atlassianAccount')}
          </h2>
          <AtlassianSignInButton callbackUrl={callbackUrl} />
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{t('atlassianNote')}</p>
        </section>
      ) : null}

      {demoAccounts.length ? (
        <section className="mt-8" aria-labelledby="demo-heading">
          <h2 id="demo-heading" className="text-lg font-semibold text-slate-900 dark:text-white">
            {t('demoAccounts')}
          </h2>
          <p className="mb-4 mt-1 text-sm text-slate-600 dark:text-slate-400">{t('demoLead')}</p>
          <DemoSignInList accounts={demoAccounts} callbackUrl={callbackUrl} />
        </section>
      ) : null}

      {!config.atlassianConfigured && !demoAccounts.length ? (
        <p className="mt-8 text-slate-700 dark:text-slate-300">{t('notConfigured')}</p>
      ) : null}
    </div>
  );
}
