import type { Metadata } from 'next';
import { Link } from '@/lib/i18n/navigation';
import { AuthorizeUrlChecker } from '@/components/wizard/AuthorizeUrlChecker';
import { wizardParamsSchema } from '@/lib/flows/inputs';
import { parsePageParams, type PageSearchParams } from '@/lib/pages/page-params';
import { pageLocale, type LocaleParams } from '@/lib/pages/page-locale';

export const metadata: Metadata = {
  title: 'Check an authorize URL',
  description:
    "Check your app's Atlassian 3LO authorize URL: audience, client_id, scope, redirect_uri, state, response_type and prompt.",
};

type Props = { params: Promise<LocaleParams>; searchParams: Promise<PageSearchParams> };

// The same checker parameters as the troubleshooter's developer branch.
const checkerParams = wizardParamsSchema.pick({ url: true, refresh: true });

/** The authorize-URL checker on its own (articles link here); the same check the developer branch uses. */
export default async function AuthorizeUrlPage({ params, searchParams }: Props) {
  await pageLocale(params);
  const parsed = parsePageParams(checkerParams, await searchParams);
  const query = parsed.ok ? parsed.params : {};
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header className="space-y-2">
        <p className="text-sm font-medium text-brand-700 dark:text-brand-500">
          Troubleshooter · for app developers
        </p>
        <h1 className="text-3xl font-bold tracking-tight">Check an authorize URL</h1>
        <p className="text-slate-700 dark:text-slate-300">
          Paste the <code>https://auth.atlassian.com/authorize?…</code> address your app sends users to. The
          check runs in your browser and explains each problem with its fix. The rules are in{' '}
          <Link
            className="text-brand-700 underline dark:text-brand-500"
            href="/articles/build-a-correct-authorize-url"
          >
            Build a correct authorize URL
          </Link>
          .
        </p>
      </header>
      <section className="card" aria-label="Authorize-URL checker">
        <AuthorizeUrlChecker
          action="/troubleshoot/authorize-url"
          initialUrl={query.url?.slice(0, 4000)}
          initialWantsRefresh={query.refresh === '1'}
        />
      </section>
    </div>
  );
}
