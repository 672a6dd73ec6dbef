'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import { setPreApproval } from '@/components/api-client';
import { apiErrorMessageKey } from '@/components/api-error-message';
import { preApprovalAnnouncement } from './pre-approval-announcement';

export interface PreApprovalSite {
  id: string;
  name: string;
  preApproved: { id: string; name: string; addedBy: string | null }[];
  /** Apps that could be pre-approved (not yet on the list). */
  candidates: { id: string; name: string }[];
}

/** One site's pre-approved apps: remove any, add one from the registry (which approves its open requests). */
export function PreApprovedAppsEditor({ site }: { site: PreApprovalSite }) {
  const t = useTranslations();
  const router = useRouter();
  const selectId = useId();
  const [appId, setAppId] = useState(site.candidates[0]?.id ?? '');
  const [pending, setPending] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [error, setError] = useState('');
  const [, startTransition] = useTransition();

  async function change(targetAppId: string, appName: string, add: boolean) {
    setPending(true);
    setError('');
    try {
      const preApproval = await setPreApproval(site.id, targetAppId, add);
      const named = { app: appName, site: site.name };
      setAnnouncement(
        preApprovalAnnouncement(
          t,
          add
            ? { ...named, added: true, approvedRequests: preApproval.approvedRequests }
            : { ...named, added: false },
        ),
      );
      startTransition(() => router.refresh());
    } catch (failure) {
      setError(t(apiErrorMessageKey(failure, 'Errors.changeFailed')));
    } finally {
      setPending(false);
    }
  }

  const candidate = site.candidates.find((app) => app.id === appId) ?? site.candidates[0];
  return (
    <div className="space-y-4">
      {site.preApproved.length ? (
        <ul className="divide-y divide-slate-200 rounded-md border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
          {site.preApproved.map((app) => (
            <li key={app.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-2">
              <span>
                <span className="font-medium">{app.name}</span>
                {app.addedBy ? (
                  <span className="text-sm text-slate-600 dark:text-slate-400">
                    {' · '}
                    {t('PreApproved.addedBy', { name: app.addedBy })}
                  </span>
                ) : null}
              </span>
              <button
                type="button"
                className="btn-secondary px-3 py-1"
                disabled={pending}
                aria-label={t('PreApproved.removeLabel', { app: app.name, site: site.name })}
                onClick={() => void change(app.id, app.name, false)}
              >
                {t('PreApproved.remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-slate-700 dark:text-slate-300">{t('PreApproved.none')}</p>
      )}
      {candidate ? (
        <form
          className="flex flex-wrap items-end gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            void change(candidate.id, candidate.name, true);
          }}
        >
          <label htmlFor={selectId} className="text-sm font-medium">
            {t('PreApproved.appToAdd', { site: site.name })}
            <select
              id={selectId}
              className="input mt-1 py-1.5"
              value={candidate.id}
              onChange={(event) => setAppId(event.target.value)}
            >
              {site.candidates.map((app) => (
                <option key={app.id} value={app.id}>
                  {app.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="btn-primary" disabled={pending}>
            {t('PreApproved.add')}
          </button>
        </form>
      ) : null}
      <p role="status" className="text-sm font-medium text-brand-800 dark:text-brand-500">
        {announcement}
      </p>
      {error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}
