import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { notFound } from 'next/navigation';
import { randomUUID } from 'node:crypto';
import { AdminNav } from '@/components/admin/AdminNav';
import { RequestedConsent } from '@/components/admin/RequestedConsent';
import { STATUS_MESSAGE } from '@/components/admin/request-status';
import { canDecideRequest } from '@/lib/auth/policy';
import { gateAdminPage, orNotFound } from '@/lib/pages/admin-gate';
import { findSiteAccess } from '@/lib/directory/site-access';
import { consentLinkFor } from '@/lib/flows/consent-url';
import { getAccessRequestHistory, type HistoryStory } from '@/lib/requests/get-access-request-history';
import { AUTHORIZATION_ERROR } from '@/lib/notifications/describe-notification';
import { pageLocale, type LocaleParams } from '@/lib/pages/page-locale';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<LocaleParams> }): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: 'Inbox.detail' });
  return { title: t('metaTitle'), robots: { index: false } };
}

// /admin/requests/[id] – one request and its history (created, notified, decided, by whom). Its
// fixed parts in the page's language; the requester's message as written, marked with its language.
export default async function AccessRequestHistoryPage({
  params,
}: {
  params: Promise<LocaleParams & { id: string }>;
}) {
  const locale = await pageLocale(params);
  const t = await getTranslations('Inbox');
  const words = await getTranslations();
  const { id } = await params;
  const { viewer, db } = await gateAdminPage('console', `/admin/requests/${encodeURIComponent(id)}`);
  const { request, events } = await orNotFound(getAccessRequestHistory(db, viewer, id));
  // The console shows requests of sites the viewer administers; their own elsewhere stay in the troubleshooter.
  if (!canDecideRequest(await findSiteAccess(db, viewer, request.site.id))) notFound();

  return (
    <div>
      <h1 className="mb-6 text-3xl font-bold text-slate-900 dark:text-white">{t('consoleTitle')}</h1>
      <AdminNav current="/admin" />
      <p className="mb-4">
        <Link href="/admin" className="text-brand-700 underline dark:text-brand-500">
          {t('detail.back')}
        </Link>
      </p>
      <section aria-labelledby="request-title" className="card mb-6">
        <h2 id="request-title" className="text-xl font-semibold text-slate-900 dark:text-white">
          {words('Requests.summary', {
            requester: request.requester.name,
            app: request.app.name,
            site: request.site.name,
          })}
        </h2>
        <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium">{words('Requests.status.label')}</dt>
          <dd>{words(STATUS_MESSAGE[request.status])}</dd>
          <dt className="font-medium">{words('Requests.requester')}</dt>
          <dd>
            {request.requester.name} ({request.requester.email})
          </dd>
          <dt className="font-medium">{words('Requests.app')}</dt>
          <dd>
            {request.app.name} ({request.app.vendor})
          </dd>
          <dt className="font-medium">{words('Requests.site')}</dt>
          <dd>
            {request.site.name} ({siteHost(request.site.url)})
          </dd>
          <dt className="font-medium">{words('Requests.error')}</dt>
          {/* Quoted as Atlassian shows it. */}
          <dd lang="en">“{AUTHORIZATION_ERROR}”</dd>
          <dt className="font-medium">{words('Requests.whatToDo')}</dt>
          <dd>{words('Requests.whatToDoText', { site: request.site.name })}</dd>
          <dt className="font-medium">{words('Requests.message')}</dt>
          {request.message ? (
            <dd lang={request.messageLocale ?? undefined} className="whitespace-pre-wrap break-words">
              {request.message}
            </dd>
          ) : (
            <dd>{words('Requests.noMessage')}</dd>
          )}
          {request.reason ? (
            <>
              <dt className="font-medium">{words('Requests.reason')}</dt>
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
          {t('detail.historyTitle')}
        </h2>
        <ol className="space-y-3 border-l-2 border-slate-200 pl-4 dark:border-slate-700">
          {events.map((event, index) => (
            <li key={index}>
              <time dateTime={event.at} className="block text-xs text-slate-600 dark:text-slate-400">
                {new Intl.DateTimeFormat(locale, {
                  dateStyle: 'medium',
                  // 'long' names the zone (UTC): the server does not know the reader's.
                  timeStyle: 'long',
                  timeZone: 'UTC',
                }).format(new Date(event.at))}
              </time>
              <span className="block">
                {tellStory(event.story, t)}
                <span className="text-slate-600 dark:text-slate-400">
                  {' '}
                  · {event.by ? event.by.name : t('detail.byGreenlight')}
                </span>
              </span>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

function siteHost(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

type InboxTranslator = Awaited<ReturnType<typeof getTranslations<'Inbox'>>>;

/** One event of the request's story in the page's language; reasons people wrote stay as written. */
function tellStory(story: HistoryStory, t: InboxTranslator): string {
  switch (story.is) {
    case 'created':
      return t('historyEvents.created');
    case 'notified': {
      const told = toldWhat(story.notification, story.recipient ?? t('historyEvents.someone'), t);
      return story.pending ? t('historyEvents.pending', { event: told }) : told;
    }
    case 'decided': {
      if (story.why === 'pre-approved-before') return t('historyEvents.approvedPreApprovedBefore');
      if (story.why === 'pre-approved-while-open') return t('historyEvents.approvedPreApprovedWhileOpen');
      const decision = story.status === 'approved' ? t('historyEvents.approved') : t('historyEvents.denied');
      return story.why === 'reason' && story.reason
        ? t('historyEvents.decidedWithReason', { decision, reason: story.reason })
        : decision;
    }
    case 'withdrawn':
      return t('historyEvents.withdrawn');
    case 'expired':
      return t('historyEvents.expired');
    case 'app-authorized':
      return t('historyEvents.appAuthorized', { app: story.app, site: story.site });
    case 'audit':
      return story.action;
  }
}

function toldWhat(kind: string, recipient: string, t: InboxTranslator): string {
  switch (kind) {
    case 'access_request.created':
      return t('historyEvents.notified.created', { recipient });
    case 'access_request.auto_approved':
      return t('historyEvents.notified.autoApproved', { recipient });
    case 'access_request.reminder':
      return t('historyEvents.notified.reminder', { recipient });
    case 'access_request.approved':
      return t('historyEvents.notified.approved', { recipient });
    case 'access_request.denied':
      return t('historyEvents.notified.denied', { recipient });
    case 'access_request.expired':
      return t('historyEvents.notified.expired', { recipient });
    case 'access_request.routed':
      return t('historyEvents.notified.routed', { recipient });
    default:
      return t('historyEvents.notified.other', { recipient });
  }
}
