import type { Metadata } from 'next';
import { z } from 'zod';
import { listDemoAccounts } from '@/lib/demo/demo-accounts';
import { safeCallbackPath } from '@/lib/auth/safe-callback';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db/client';
import { parsePageParams, type PageSearchParams } from '@/lib/pages/page-params';
import { AtlassianSignInButton, DemoSignInList } from './page.client';
import { pageLocale, type LocaleParams } from '@/lib/pages/page-locale';

export const metadata: Metadata = { title: 'Sign in' };
export const dynamic = 'force-dynamic';

// next-auth reports failures as ?error=<code>; people get a sentence, never the code alone.
const ERROR_MESSAGES: Record<string, string> = {
  CredentialsSignin: 'That is not one of the demo accounts. Pick one from the list.',
  OAuthCallback: 'Atlassian sign-in did not finish. Try again.',
  OAuthSignin: 'Could not start Atlassian sign-in. Try again in a moment.',
  AccessDenied: 'Atlassian sign-in was cancelled.',
  SessionRequired: 'Sign in to continue.',
};
const FALLBACK_ERROR = 'Sign-in did not work. Try again.';

// Where to go afterwards, and next-auth's ?error=<code>; both are only ever read, never trusted.
const signInParams = z.object({ callbackUrl: z.string().optional(), error: z.string().optional() });

export default async function SignInPage({
  params,
  searchParams,
}: {
  params: Promise<LocaleParams>;
  searchParams: Promise<PageSearchParams>;
}) {
  await pageLocale(params);
  const parsed = parsePageParams(signInParams, await searchParams);
  const query = parsed.ok ? parsed.params : {};
  const callbackUrl = safeCallbackPath(query.callbackUrl);
  const errorCode = query.error;
  const config = getConfig();
  const demoAccounts = config.demoSignIn ? await listDemoAccounts(await getDb()) : [];

  return (
    <div className="mx-auto max-w-xl">
      <h1 className="text-3xl font-bold text-slate-900 dark:text-white">Sign in</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        Signed in, Greenlight can show the sites you belong to, who administers them, and let you ask an admin
        to authorize an app.
      </p>

      {errorCode ? (
        <p
          role="alert"
          className="mt-6 rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
        >
          {ERROR_MESSAGES[errorCode] ?? FALLBACK_ERROR}
        </p>
      ) : null}

      {config.atlassianConfigured ? (
        <section className="mt-8" aria-labelledby="atlassian-heading">
          <h2 id="atlassian-heading" className="sr-only">
            Atlassian account
          </h2>
          <AtlassianSignInButton callbackUrl={callbackUrl} />
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
            Greenlight asks Atlassian for your profile and which sites you can reach; it never stores your
            password.
          </p>
        </section>
      ) : null}

      {demoAccounts.length ? (
        <section className="mt-8" aria-labelledby="demo-heading">
          <h2 id="demo-heading" className="text-lg font-semibold text-slate-900 dark:text-white">
            Demo accounts
          </h2>
          <p className="mb-4 mt-1 text-sm text-slate-600 dark:text-slate-400">
            A made-up organisation to try Greenlight with. Each person sees different sites and can do
            different things.
          </p>
          <DemoSignInList accounts={demoAccounts} callbackUrl={callbackUrl} />
        </section>
      ) : null}

      {!config.atlassianConfigured && !demoAccounts.length ? (
        <p className="mt-8 text-slate-700 dark:text-slate-300">
          Sign-in is not configured. An administrator of Greenlight must set ATLASSIAN_CLIENT_ID and
          ATLASSIAN_CLIENT_SECRET.
        </p>
      ) : null}
    </div>
  );
}
