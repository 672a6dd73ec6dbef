'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { apiErrorMessageKey } from '@/components/api-error-message';
import type { ComponentProps } from 'react';
import { authorizeApp, listSiteApps } from '@/components/api-client';
import { QueryProvider } from '@/components/query-provider';
import type { SiteApp } from '@/lib/directory/list-apps-on-site';

const POLL_MS = 5_000;

/**
 * The live check on the admin's steps: polls the site's app status until the app is authorized
 * and turns green. "Authorize in Greenlight" records the authorization: in the embedded default it
 * stands in for Atlassian's console; with Atlassian, the admin confirms what they did there.
 */
export function LiveAppStatus(props: ComponentProps<typeof AppStatus>) {
  return (
    <QueryProvider>
      <AppStatus {...props} />
    </QueryProvider>
  );
}

function AppStatus({
  siteId,
  appId,
  appName,
  siteHost,
  initialStatus,
  mode,
}: {
  siteId: string;
  appId: string;
  appName: string;
  siteHost: string;
  initialStatus: SiteApp['status'];
  mode: 'embedded' | 'atlassian';
}) {
  const t = useTranslations('Wizard');
  const words = useTranslations();
  const queryClient = useQueryClient();
  const key = ['site-apps', siteId];
  const apps = useQuery({
    queryKey: key,
    queryFn: () => listSiteApps(siteId),
    refetchInterval: (query) =>
      query.state.data?.apps.find((a) => a.id === appId)?.status === 'authorized' ? false : POLL_MS,
  });
  const status = apps.data?.apps.find((a) => a.id === appId)?.status ?? initialStatus;
  const authorize = useMutation({
    mutationFn: () => authorizeApp(siteId, appId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
  const authorized = status === 'authorized';

  return (
    <section
      aria-labelledby="live-check-title"
      className={`space-y-3 rounded-md border-l-4 p-4 ${authorized ? 'border-brand-500 bg-brand-50 dark:bg-brand-900/30' : 'border-slate-300 bg-slate-50 dark:border-slate-600 dark:bg-slate-900'}`}
    >
      <h3 id="live-check-title" className="font-semibold">
        {t('liveCheck')}
      </h3>
      <p role="status" aria-live="polite" className="flex items-center gap-2">
        <span
          aria-hidden="true"
          className={`inline-block h-3 w-3 rounded-full ${authorized ? 'bg-brand-500' : 'animate-pulse bg-slate-400'}`}
        />
        {authorized
          ? t('liveAuthorized', { app: appName, site: siteHost })
          : t('liveWaiting', { app: appName, site: siteHost })}
      </p>
      {apps.isError ? (
        <p className="text-sm text-amber-800 dark:text-amber-300">
          {t('liveCheckFailed', { error: words(apiErrorMessageKey(apps.error, 'Errors.actionFailed')) })}
        </p>
      ) : null}
      {!authorized ? (
        <div className="space-y-2">
          <button
            type="button"
            className="btn-primary"
            disabled={authorize.isPending}
            onClick={() => authorize.mutate()}
          >
            {authorize.isPending
              ? t('recording')
              : mode === 'embedded'
                ? t('authorizeInGreenlight')
                : t('recordAuthorized')}
          </button>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {mode === 'embedded' ? t('demoStandsIn') : t('noApiRecords')}{' '}
            {t('openRequestsApproved', { app: appName, site: siteHost })}
          </p>
          {authorize.isError ? (
            <p role="alert" className="text-sm text-red-700 dark:text-red-400">
              {t('notRecorded', { error: words(apiErrorMessageKey(authorize.error, 'Errors.actionFailed')) })}
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
