'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { apiErrorMessageKey } from '@/components/api-error-message';
import { Link } from '@/lib/i18n/navigation';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import {
  ApiError,
  createAccessRequest,
  listAccessRequestsOnSite,
  listSiteAdmins,
  withdrawAccessRequest,
} from '@/components/api-client';
import { QueryProvider } from '@/components/query-provider';
import type { AtlassianRole } from '@/lib/auth/roles';
import { readConsentUrl } from '@/lib/flows/consent-url';
import type { AccessRequestDto } from '@/lib/requests/access-request-dto';
import { ConsentUrlField } from './ConsentUrlField';
import { trackFunnelEvent } from './funnel-events';
import { RequestMessage } from './RequestMessage';

const POLL_MS = 4_000;

// Atlassian's role names as its admin pages show them, as full catalog keys (lib/auth/roles.ts).
const ROLE_KEYS: Record<AtlassianRole, string> = {
  'org-admin': 'RequestForm.roleOrgAdmin',
  'site-admin': 'RequestForm.roleSiteAdmin',
  'user-access-admin': 'RequestForm.roleUserAccessAdmin',
  'app-admin': 'RequestForm.roleAppAdmin',
  'product-admin': 'RequestForm.roleProductAdmin',
  user: 'RequestForm.roleUser',
  guest: 'RequestForm.roleGuest',
};

/**
 * A request as the panel shows it: the API's DTO, or, for a request the page already knew about,
 * the part of it the server-rendered step carries (no decider yet).
 */
type ShownRequest = Pick<AccessRequestDto, 'id' | 'status'> &
  Partial<Pick<AccessRequestDto, 'reason' | 'decidedBy' | 'routing'>>;

interface Props {
  flow: string;
  node: string;
  siteId: string;
  appId: string;
  appName: string;
  /** The app's client id on record, to tell the requester whether a pasted consent page is its own. */
  appClientId?: string | null;
  message: string;
  /** The visitor's own open or last request for this app on this site, when there is one. */
  existing?: ShownRequest | null;
  resultHrefs: { sent?: string; approved?: string; denied?: string };
}

/**
 * Non-admins: who the site admins are, a ready message, "Request access", then the request's live
 * status (polled until an admin decides). An existing open request is shown instead of sending a second.
 */
export function RequestAccess(props: Props) {
  return (
    <QueryProvider>
      <AccessRequestPanel {...props} />
    </QueryProvider>
  );
}

function AccessRequestPanel({
  flow,
  node,
  siteId,
  appId,
  appName,
  appClientId,
  message,
  existing,
  resultHrefs,
}: Props) {
  const t = useTranslations('RequestForm');
  const label = useTranslations();
  const queryClient = useQueryClient();
  const router = useRouter();
  // A withdrawn or expired request is over: the visitor may ask again.
  const [request, setRequest] = useState<ShownRequest | null>(
    existing && existing.status !== 'withdrawn' && existing.status !== 'expired' ? existing : null,
  );

  const admins = useQuery({
    queryKey: ['site-admins', siteId],
    queryFn: () => listSiteAdmins(siteId),
  });

  const [consentUrl, setConsentUrl] = useState('');
  const consentReading = consentUrl.trim() ? readConsentUrl(consentUrl) : null;
  const send = useMutation({
    mutationFn: (text: string) =>
      createAccessRequest({
        siteId,
        appId,
        message: text.slice(0, 1000),
        ...(consentReading?.ok ? { consentUrl: consentUrl.trim() } : {}),
      }),
    onSuccess: (sent) => {
      setRequest(sent);
      void queryClient.invalidateQueries({ queryKey: ['access-requests', siteId] });
    },
  });

  const status = useQuery({
    queryKey: ['access-requests', siteId],
    queryFn: () => listAccessRequestsOnSite(siteId),
    enabled: request !== null,
    // Poll only while the request is open: an admin's decision shows up without a reload.
    refetchInterval: (query) => {
      const current = query.state.data?.find((r) => r.id === request?.id) ?? request;
      return current?.status === 'open' ? POLL_MS : false;
    },
    refetchIntervalInBackground: false,
  });
  const consentError =
    send.error instanceof ApiError && send.error.code === 'invalid_consent_url'
      ? send.error.message.replace(/^consentUrl: /, '')
      : undefined;
  const live: ShownRequest | null = status.data?.find((r) => r.id === request?.id) ?? request;
  const [draft, setDraft] = useState(message);

  // The requester may take back an open request (asked the wrong site, or no longer needs the app).
  const withdraw = useMutation({
    mutationFn: withdrawAccessRequest,
    onSuccess: () => {
      setRequest(null);
      void queryClient.invalidateQueries({ queryKey: ['access-requests', siteId] });
      // The step itself is server-rendered from "is a request open": render it again.
      router.refresh();
    },
  });

  return (
    <div className="space-y-6">
      <section aria-labelledby="admins-title" className="space-y-2">
        <h3 id="admins-title" className="font-semibold">
          {t('adminsTitle', { app: appName })}
        </h3>
        {admins.isPending ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">{t('adminsLoading')}</p>
        ) : null}
        {admins.isError ? (
          <p className="text-sm text-amber-800 dark:text-amber-300">
            {t('adminsFailed', { error: label(apiErrorMessageKey(admins.error, 'Errors.actionFailed')) })}
          </p>
        ) : null}
        {admins.data ? (
          admins.data.length > 0 ? (
            <ul className="space-y-1">
              {admins.data.map((admin) => (
                <li key={admin.email}>
                  {admin.name} &middot;{' '}
                  {admin.roleSource === 'self-confirmed'
                    ? t('roleSelfConfirmed', { role: label(ROLE_KEYS[admin.role]) })
                    : label(ROLE_KEYS[admin.role])}{' '}
                  &middot;{' '}
                  <a className="text-brand-700 underline dark:text-brand-500" href={`mailto:${admin.email}`}>
                    {admin.email}
                  </a>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm">{t('noAdmins')}</p>
          )
        ) : null}
      </section>

      {live ? (
        <>
          <RequestStatus request={live} appName={appName} resultHrefs={resultHrefs} flow={flow} node={node} />
          {live.status === 'open' ? (
            <div className="space-y-2">
              <button
                type="button"
                className="btn-secondary"
                disabled={withdraw.isPending}
                onClick={() => withdraw.mutate(live.id)}
              >
                {withdraw.isPending ? t('withdrawing') : t('withdraw')}
              </button>
              {withdraw.isError ? (
                <p role="alert" className="text-sm text-red-700 dark:text-red-400">
                  {t('withdrawFailed', {
                    error: label(apiErrorMessageKey(withdraw.error, 'Errors.actionFailed')),
                  })}
                </p>
              ) : null}
            </div>
          ) : null}
        </>
      ) : (
        <section aria-labelledby="send-title" className="space-y-3">
          <h3 id="send-title" className="font-semibold">
            {t('sendTitle')}
          </h3>
          <RequestMessage initialText={draft} label={t('yourMessageLabel')} onChange={setDraft} />
          <ConsentUrlField
            value={consentUrl}
            onChange={(value) => {
              setConsentUrl(value);
              send.reset();
            }}
            reading={consentReading}
            appName={appName}
            appClientId={appClientId}
            serverError={consentError}
          />
          <button
            type="button"
            className="btn-primary"
            // A consent address Greenlight cannot read is not sent: the requester fixes or clears it.
            disabled={send.isPending || (consentReading !== null && !consentReading.ok)}
            onClick={() => send.mutate(draft)}
          >
            {send.isPending ? t('sending') : t('requestAccess')}
          </button>
          {send.isError && !consentError ? (
            <p role="alert" className="text-sm text-red-700 dark:text-red-400">
              {t('sendFailed', { error: label(apiErrorMessageKey(send.error, 'Errors.actionFailed')) })}
            </p>
          ) : null}
        </section>
      )}
    </div>
  );
}

/** Who the request went to, when Greenlight knew no admin of the site (told, never left to guess). */
function RoutingNote({ routing }: { routing: AccessRequestDto['routing'] }) {
  const t = useTranslations('RequestForm');
  if (routing?.reached === 'fallback') {
    return (
      <p data-testid="request-routing" className="text-sm">
        {t.rich('routedToFallback', {
          addresses: routing.addresses.join(', '),
          pattern: routing.pattern ?? '',
          strong: (chunks) => <strong>{chunks}</strong>,
        })}
      </p>
    );
  }
  if (routing?.reached === 'nobody') {
    return (
      <p data-testid="request-routing" className="text-sm">
        {t('routedToNobody')}
      </p>
    );
  }
  return null;
}

function RequestStatus({
  request,
  appName,
  resultHrefs,
  flow,
  node,
}: {
  request: ShownRequest;
  appName: string;
  resultHrefs: Props['resultHrefs'];
  flow: string;
  node: string;
}) {
  const t = useTranslations('RequestForm');
  const result = request.status === 'approved' ? 'approved' : request.status === 'denied' ? 'denied' : 'sent';
  const decider = request.decidedBy?.name;
  const href = resultHrefs[result];
  const tone =
    request.status === 'approved'
      ? 'border-brand-500 bg-brand-50 dark:bg-brand-900/30'
      : request.status === 'denied'
        ? 'border-red-400 bg-red-50 dark:bg-red-950/40'
        : 'border-sky-300 bg-sky-50 dark:bg-sky-950/40';
  return (
    <section aria-labelledby="status-title" className={`space-y-3 rounded-md border-l-4 p-4 ${tone}`}>
      <h3 id="status-title" className="font-semibold">
        {t('statusTitle')}
      </h3>
      {/* One live region for the whole status, so a decision arriving by polling is announced. */}
      <p role="status" aria-live="polite">
        {request.status === 'open' ? t('statusOpen', { app: appName }) : null}
        {request.status === 'approved'
          ? decider
            ? t('statusApprovedBy', { app: appName, name: decider })
            : t('statusApproved', { app: appName })
          : null}
        {request.status === 'denied'
          ? request.reason
            ? t('statusDeclinedReason', {
                by: decider ? 'named' : 'unnamed',
                name: decider ?? '',
                reason: request.reason,
              })
            : t('statusDeclined', { by: decider ? 'named' : 'unnamed', name: decider ?? '' })
          : null}
      </p>
      {request.status === 'open' ? <RoutingNote routing={request.routing ?? null} /> : null}
      {href ? (
        <Link
          href={href}
          scroll={false}
          className="btn-primary"
          onClick={() => trackFunnelEvent({ flow, node, kind: 'choice_made', choice: result })}
        >
          {request.status === 'open' ? t('doneForNow') : t('continue')}
        </Link>
      ) : null}
    </section>
  );
}
