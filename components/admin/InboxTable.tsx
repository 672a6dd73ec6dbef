'use client';

import { useTranslations } from 'next-intl';
import { Link } from '@/lib/i18n/navigation';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { decideAccessRequests } from '@/components/api-client';
import { DenyDialog } from './DenyDialog';
import { STATUS_MESSAGE } from './request-status';

/** A request as the inbox shows it (prepared on the server; dates already turned into an age in the page's language). */
export interface InboxRow {
  id: string;
  status: 'open' | 'approved' | 'denied' | 'withdrawn' | 'expired';
  requester: { name: string; email: string };
  site: { id: string; name: string };
  app: { id: string; name: string; vendor: string };
  scopes: string[];
  message: string | null;
  /** The language the message was written in, when known (marked with `lang` for screen readers). */
  messageLocale: string | null;
  reason: string | null;
  decidedBy: { name: string } | null;
  createdAt: string;
  age: string;
}

const STATUS_BADGE: Record<InboxRow['status'], string> = {
  open: 'bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200',
  approved: 'bg-brand-100 text-brand-900 dark:bg-brand-900 dark:text-brand-50',
  denied: 'bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200',
  withdrawn: 'bg-slate-200 text-slate-800 dark:bg-slate-800 dark:text-slate-200',
  expired: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200',
};

type Decision = 'approve' | 'deny';

/**
 * The inbox: select requests and decide them one by one or together. A bulk decision is one API
 * call and one transaction: if any request cannot be decided, none is.
 */
export function InboxTable({ rows }: { rows: InboxRow[] }) {
  const t = useTranslations('Inbox');
  const words = useTranslations();
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [denying, setDenying] = useState<string[] | null>(null);
  const [pending, setPending] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [error, setError] = useState('');
  const [, startTransition] = useTransition();

  const openIds = rows.filter((row) => row.status === 'open').map((row) => row.id);
  const allSelected = openIds.length > 0 && openIds.every((id) => selected.has(id));

  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  async function decide(ids: string[], decision: Decision, reason?: string) {
    setPending(true);
    setError('');
    setAnnouncement('');
    try {
      await decideAccessRequests({ ids, decision, ...(reason ? { reason } : {}) });
      setAnnouncement(
        decision === 'approve' ? t('approved', { count: ids.length }) : t('denied', { count: ids.length }),
      );
      setSelected(new Set());
      setDenying(null);
      startTransition(() => router.refresh());
    } catch (failure) {
      setError(t('failed', { message: failure instanceof Error ? failure.message : t('failedFallback') }));
      setDenying(null);
    } finally {
      setPending(false);
    }
  }

  if (rows.length === 0) {
    return (
      <>
        <p role="status" className="sr-only">
          {announcement}
        </p>
        {announcement ? (
          <p className="mb-4 font-medium text-brand-800 dark:text-brand-500">{announcement}</p>
        ) : null}
        <p className="card text-slate-700 dark:text-slate-300">{t('empty')}</p>
      </>
    );
  }

  const selectedIds = openIds.filter((id) => selected.has(id));
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3" role="group" aria-label={t('decideSelected')}>
        <span className="text-sm text-slate-700 dark:text-slate-300">
          {t('selectedCount', { count: selectedIds.length })}
        </span>
        <button
          type="button"
          className="btn-primary"
          disabled={!selectedIds.length || pending}
          onClick={() => void decide(selectedIds, 'approve')}
        >
          {t('approveSelected')}
        </button>
        <button
          type="button"
          className="btn-secondary"
          disabled={!selectedIds.length || pending}
          onClick={() => setDenying(selectedIds)}
        >
          {t('denySelected')}
        </button>
      </div>
      <p role="status" className="min-h-6 font-medium text-brand-800 dark:text-brand-500">
        {announcement}
      </p>
      {error ? (
        <p
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
        >
          {error}
        </p>
      ) : null}

      <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t('caption')}</caption>
          <thead className="bg-slate-50 text-slate-700 dark:bg-slate-900 dark:text-slate-300">
            <tr>
              <th scope="col" className="w-10 px-3 py-2">
                <input
                  type="checkbox"
                  className="h-4 w-4 accent-brand-700"
                  aria-label={t('selectAll')}
                  checked={allSelected}
                  disabled={!openIds.length}
                  onChange={(event) => setSelected(event.target.checked ? new Set(openIds) : new Set())}
                />
              </th>
              <th scope="col" className="px-3 py-2">
                {t('columns.requester')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('columns.appAndSite')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('columns.message')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('columns.waiting')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('columns.decision')}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
            {rows.map((row) => {
              const label = t('rowLabel', {
                requester: row.requester.name,
                app: row.app.name,
                site: row.site.name,
              });
              return (
                <tr key={row.id} className="align-top">
                  <td className="px-3 py-3">
                    {row.status === 'open' ? (
                      <input
                        type="checkbox"
                        className="h-4 w-4 accent-brand-700"
                        aria-label={t('select', { label })}
                        checked={selected.has(row.id)}
                        onChange={(event) => toggle(row.id, event.target.checked)}
                      />
                    ) : null}
                  </td>
                  <td className="px-3 py-3">
                    <span className="block font-medium text-slate-900 dark:text-white">
                      {row.requester.name}
                    </span>
                    <span className="block text-slate-600 dark:text-slate-400">{row.requester.email}</span>
                  </td>
                  <td className="px-3 py-3">
                    <span className="block font-medium text-slate-900 dark:text-white">{row.app.name}</span>
                    <span className="block text-slate-600 dark:text-slate-400">
                      {row.app.vendor} · {row.site.name}
                    </span>
                    <details className="mt-1">
                      <summary className="cursor-pointer text-slate-700 dark:text-slate-300">
                        {t('scopes', { count: row.scopes.length })}
                      </summary>
                      <ul className="mt-1 flex flex-wrap gap-1">
                        {row.scopes.map((scope) => (
                          <li key={scope}>
                            <code className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-800 dark:bg-slate-800 dark:text-slate-200">
                              {scope}
                            </code>
                          </li>
                        ))}
                      </ul>
                    </details>
                  </td>
                  <td className="max-w-xs px-3 py-3">
                    {/* People wrote this: kept as written (in its own language), rendered as text, never as markup. */}
                    {row.message ? (
                      <p
                        lang={row.messageLocale ?? undefined}
                        className="whitespace-pre-wrap break-words text-slate-800 dark:text-slate-200"
                      >
                        {row.message}
                      </p>
                    ) : (
                      <span className="text-slate-600 dark:text-slate-400">
                        {words('Requests.noMessage')}
                      </span>
                    )}
                  </td>
                  <td className="whitespace-nowrap px-3 py-3">
                    <time dateTime={row.createdAt} title={new Date(row.createdAt).toUTCString()}>
                      {row.age}
                    </time>
                  </td>
                  <td className="px-3 py-3">
                    {row.status === 'open' ? (
                      <div className="flex flex-wrap gap-2">
                        <button
                          type="button"
                          className="btn-primary px-3 py-1"
                          aria-label={t('approveRow', { label })}
                          disabled={pending}
                          onClick={() => void decide([row.id], 'approve')}
                        >
                          {t('approve')}
                        </button>
                        <button
                          type="button"
                          className="btn-secondary px-3 py-1"
                          aria-label={t('denyRow', { label })}
                          disabled={pending}
                          onClick={() => setDenying([row.id])}
                        >
                          {t('deny')}
                        </button>
                      </div>
                    ) : (
                      <div>
                        <span
                          className={`inline-block rounded px-2 py-0.5 text-xs font-semibold ${STATUS_BADGE[row.status]}`}
                        >
                          {words(STATUS_MESSAGE[row.status])}
                        </span>
                        {row.decidedBy ? (
                          <span className="ml-1 text-slate-700 dark:text-slate-300">
                            {t('decidedBy', { name: row.decidedBy.name })}
                          </span>
                        ) : null}
                        {row.reason ? (
                          <p className="mt-1 whitespace-pre-wrap break-words text-slate-700 dark:text-slate-300">
                            {row.reason}
                          </p>
                        ) : null}
                      </div>
                    )}
                    <Link
                      href={`/admin/requests/${row.id}`}
                      className="mt-2 inline-block text-brand-700 underline dark:text-brand-500"
                    >
                      {t('history')}
                      <span className="sr-only">{t('historyOf', { label })}</span>
                    </Link>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <DenyDialog
        open={denying !== null}
        onOpenChange={(open) => {
          if (!open) setDenying(null);
        }}
        count={denying?.length ?? 0}
        pending={pending}
        onDeny={(reason) => denying && void decide(denying, 'deny', reason)}
      />
    </div>
  );
}
