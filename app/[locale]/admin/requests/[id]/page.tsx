import type { Metadata } from 'next';
import { Link } from '@/lib/i18n/navigation';
import { notFound } from 'next/navigation';
import { randomUUID } from 'node:crypto';
import { AdminNav } from '@/components/admin/AdminNav';
import { RequestedConsent } from '@/components/admin/RequestedConsent';
import { canDecideRequest } from '@/lib/auth/policy';
import { gateAdminPage, orNotFound } from '@/lib/pages/admin-gate';
import { findSiteAccess } from '@/lib/directory/site-access';
import { consentLinkFor } from '@/lib/flows/consent-url';
import { getAccessRequestHistory } from '@/lib/requests/get-access-request-history';
import { pageLocale, type LocaleParams } from '@/lib/pages/page-locale';

export const metadata: Metadata = { title: 'Request history', robots: { index: false } };
export const dynamic = 'force-dynamic';

// /admin/requests/[id] – one request and its history (created, notified, decided, by whom).
export default async function AccessRequestHistoryPage({
  params,
}: {
  params: Promise<LocaleParams & { id: string }>;
}) {
  await pageLocale(params);
  const { id } = await params;
  const { viewer, db } = await gateAdminPage('console', `/admin/requests/${encodeURIComponent(id)}`);
  const { request, events } = await orNotFound(getAccessRequestHistory(db, viewer, id));
  // The console shows requests of sites the viewer administers; their own elsewhere stay in the troubleshooter.
  if (!canDecideRequest(await findSiteAccess(db, viewer, request.site.id))) notFound();

  return (
    <div>
      <h1 className="mb-6 text-3xl font-bold text-slate-900 dark:text-white">Admin console</h1>
      <AdminNav current="/admin" />
      <p className="mb-4">
        <Link href="/admin" className="text-brand-700 underline dark:text-brand-500">
          Back to requests
        </Link>
      </p>
      <section aria-labelledby="request-title" className="card mb-6">
        <h2 id="request-title" className="text-xl font-semibold text-slate-900 dark:text-white">
          {request.requester.name} asked for {request.app.name} on {request.site.name}
        </h2>
        <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium">Status</dt>
          <dd>{request.status}</dd>
          <dt className="font-medium">Requester</dt>
          <dd>
            {request.requester.name} ({request.requester.email})
          </dd>
          <dt className="font-medium">Message</dt>
          <dd className="whitespace-pre-wrap break-words">{request.message ?? 'No message'}</dd>
          {request.reason ? (
            <>
              <dt className="font-medium">Reason</dt>
              <dd className="whitespace-pre-wrap break-words">{request.reason}</dd>
            </>
          ) : null}
        </dl>
      </section>
      {request.consent ? (
        <div className="mb-6">
          <RequestedConsent
            consent={request.consent}
            appName={request.app.name}
            siteName={request.site.name}
            // A state of our own for each view: the requester's was never kept.
            consentHref={consentLinkFor(request.consent, randomUUID())}
          />
        </div>
      ) : null}
      <section aria-labelledby="history-title">
        <h2 id="history-title" className="mb-3 text-xl font-semibold text-slate-900 dark:text-white">
          History
        </h2>
        <ol className="space-y-3 border-l-2 border-slate-200 pl-4 dark:border-slate-700">
          {events.map((event, index) => (
            <li key={index}>
              <time dateTime={event.at} className="block text-xs text-slate-600 dark:text-slate-400">
                {new Date(event.at).toUTCString()}
              </time>
              <span className="block">
                {event.summary}
                <span className="text-slate-600 dark:text-slate-400">
                  {' '}
                  · {event.by ? event.by.name : 'Greenlight'}
                </span>
              </span>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
