'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { removeFallbackRoute, saveFallbackRoute } from '@/components/api-client';
import type { FallbackRouteDto } from '@/lib/requests/fallback-routes';

interface Props {
  organizations: { id: string; name: string }[];
  routes: FallbackRouteDto[];
}

/** Add, replace or remove an organisation's fallback routes; the page re-renders from the server after each change. */
export function FallbackRoutesEditor({ organizations, routes }: Props) {
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
      setProblem(error instanceof Error ? error.message : String(error));
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
              <th className="py-2">Organization</th>
              <th className="py-2">Sites</th>
              <th className="py-2">E-mailed to</th>
              <th className="py-2">
                <span className="sr-only">Remove</span>
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
                    Remove <span className="sr-only">the route for {route.pattern}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Your organizations have no fallback route yet.
        </p>
      )}

      <form onSubmit={(event) => void submit(event)} className="card space-y-3" aria-labelledby="add-route">
        <h3 id="add-route" className="font-semibold">
          Add or replace a route
        </h3>
        <label className="block text-sm">
          Organization
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
          Sites (a host such as acme.atlassian.net, or *.atlassian.net for all)
          <input
            required
            className="mt-1 block w-full rounded border border-slate-300 p-2 font-mono dark:border-slate-700 dark:bg-slate-900"
            value={pattern}
            onChange={(event) => setPattern(event.target.value)}
          />
        </label>
        <label className="block text-sm">
          E-mail addresses (admins or your help desk; separated by commas)
          <input
            required
            className="mt-1 block w-full rounded border border-slate-300 p-2 dark:border-slate-700 dark:bg-slate-900"
            value={addresses}
            onChange={(event) => setAddresses(event.target.value)}
          />
        </label>
        <button type="submit" className="btn-primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save route'}
        </button>
        {problem ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            Not saved: {problem}
          </p>
        ) : null}
      </form>
    </div>
  );
}
