'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { removeFallbackRoute, saveFallbackRoute } from '@/components/api-client';
import { apiErrorMessageKey } from '@/components/api-error-message';
import type { FallbackRouteDto } from '@/lib/requests/fallback-routes';

interface Props {
  organizations: { id: string; name: string }[];
  routes: FallbackRouteDto[];
}

/** Add, replace or remove an organisation's fallback routes; the page re-renders from the server after each change. */
export function FallbackRoutesEditor({ organizations, routes }: Props) {
  const t = useTranslations();
  const router = useRouter();
  const [organizationId, setOrganizationId] = useState(organizations[0]?.id ?? '');
  const [pattern, setPattern] = useState('');
  const [addresses, setAddresses] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const act = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setProblem(null);
    try {
      await work();
      router.refresh();
      return true;
    } catch (error) {
      setProblem(t(apiErrorMessageKey(error, 'Errors.changeFailed')));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const list = addresses
      .split(/[,\s]+/)
      .map((address) => address.trim())
      .filter(Boolean);
    if (await act(() => saveFallbackRoute({ organizationId, pattern, addresses: list }))) {
      setPattern('');
      setAddresses('');
    }
  };

  return (
    <div className="space-y-6">
      {routes.length ? (
        <table className="w-full text-left text-sm">
          <thead>
            <tr>
              <th className="py-2">{t('FallbackRoutes.organization')}</th>
              <th className="py-2">{t('FallbackRoutes.sites')}</th>
              <th className="py-2">{t('FallbackRoutes.emailedTo')}</th>
              <th className="py-2">
                <span className="sr-only">{t('FallbackRoutes.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {routes.map((route) => (
              <tr key={route.id} className="border-t border-slate-200 dark:border-slate-800">
                <td className="py-2">{route.organization.name}</td>
                <td className="py-2 font-mono">{route.pattern}</td>
                <td className="py-2">{route.addresses.join(', ')}</td>
                <td className="py-2 text-right">
                  <button
                    type="button"
                    className="btn-secondary"
                    disabled={busy}
                    onClick={() => void act(() => removeFallbackRoute(route.id))}
                  >
                    {t('FallbackRoutes.remove')}{' '}
                    <span className="sr-only">
                      {t('FallbackRoutes.removeWhich', { pattern: route.pattern })}
                    </span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="text-sm text-slate-700 dark:text-slate-300">{t('FallbackRoutes.none')}</p>
      )}

      <form onSubmit={(event) => void submit(event)} className="card space-y-3" aria-labelledby="add-route">
        <h3 id="add-route" className="font-semibold">
          {t('FallbackRoutes.addTitle')}
        </h3>
        <label className="block text-sm">
          {t('FallbackRoutes.organization')}
          <select
            className="mt-1 block w-full rounded border border-slate-300 p-2 dark:border-slate-700 dark:bg-slate-900"
            value={organizationId}
            onChange={(event) => setOrganizationId(event.target.value)}
          >
            {organizations.map((org) => (
              <option key={org.id} value={org.id}>
                {org.name}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm">
          {t('FallbackRoutes.patternLabel')}
          <input
            required
            className="mt-1 block w-full rounded border border-slate-300 p-2 font-mono dark:border-slate-700 dark:bg-slate-900"
            value={pattern}
            onChange={(event) => setPattern(event.target.value)}
          />
        </label>
        <label className="block text-sm">
          {t('FallbackRoutes.addressesLabel')}
          <input
            required
            className="mt-1 block w-full rounded border border-slate-300 p-2 dark:border-slate-700 dark:bg-slate-900"
            value={addresses}
            onChange={(event) => setAddresses(event.target.value)}
          />
        </label>
        <button type="submit" className="btn-primary" disabled={busy}>
          {busy ? t('FallbackRoutes.saving') : t('FallbackRoutes.save')}
        </button>
        {problem ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {t('FallbackRoutes.notSaved', { problem })}
          </p>
        ) : null}
      </form>
    </div>
  );
}
