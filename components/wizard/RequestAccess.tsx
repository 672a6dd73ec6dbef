'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@/lib/i18n/navigation';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import {
  createAccessRequest,
  listAccessRequestsOnSite,
  listSiteAdmins,
  withdrawAccessRequest,
} from '@/components/api-client';
import { QueryProvider } from '@/components/query-provider';
import type { AccessRequestDto } from '@/lib/requests/access-request-dto';
import { trackFunnelEvent } from './funnel-events';
import { RequestMessage } from './RequestMessage';

const POLL_MS = 4_000;

/**
 * A request as the panel shows it: the API's DTO, or, for a request the page already knew about,
 * the part of it the server-rendered step carries (no decider yet).
 */
type ShownRequest = Pick<AccessRequestDto, 'id' | 'status'> &
  Partial<Pick<AccessRequestDto, 'reason' | 'decidedBy'>>;

interface Props {
  flow: string;
  node: string;
  siteId: string;
  appId: string;
  appName: string;
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

function AccessRequestPanel({ flow, node, siteId, appId, appName, message, existing, resultHrefs }: Props) {
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

  const send = useMutation({
    mutationFn: (text: string) => createAccessRequest({ siteId, appId, message: text.slice(0, 1000) }),
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
          Site admins who can authorize {appName}
        </h3>
        {admins.isPending ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">Loading the site admins…</p>
        ) : null}
        {admins.isError ? (
          <p className="text-sm text-amber-800 dark:text-amber-300">
            Greenlight couldn&rsquo;t list the admins just now ({admins.error.message}). Your request still
            reaches them.
          </p>
        ) : null}
        {admins.data ? (
          admins.data.length > 0 ? (
            <ul className="space-y-1">
              {admins.data.map((admin) => (
                <li key={admin.email}>
                  {admin.name} &middot;{' '}
                  <a className="text-brand-700 underline dark:text-brand-500" href={`mailto:${admin.email}`}>
                    {admin.email}
                  </a>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm">
              Greenlight knows no admin for this site. Ask your IT help desk who administers it.
            </p>
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
                {withdraw.isPending ? 'Withdrawing…' : 'Withdraw request'}
              </button>
              {withdraw.isError ? (
                <p role="alert" className="text-sm text-red-700 dark:text-red-400">
                  The request was not withdrawn: {withdraw.error.message}
                </p>
              ) : null}
            </div>
          ) : null}
        </>
      ) : (
        <section aria-labelledby="send-title" className="space-y-3">
          <h3 id="send-title" className="font-semibold">
            Send the request
          </h3>
          <RequestMessage
            initialText={draft}
            label="Your message (sent with the request; you can also copy it)"
            onChange={setDraft}
          />
          <button
            type="button"
            className="btn-primary"
            disabled={send.isPending}
            onClick={() => send.mutate(draft)}
          >
            {send.isPending ? 'Sending…' : 'Request access'}
          </button>
          {send.isError ? (
            <p role="alert" className="text-sm text-red-700 dark:text-red-400">
              The request was not sent: {send.error.message} Copy the message and send it yourself, or try
              again.
            </p>
          ) : null}
        </section>
      )}
    </div>
  );
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
  const result = request.status === 'approved' ? 'approved' : request.status === 'denied' ? 'denied' : 'sent';
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
        Request status
      </h3>
      <p role="status" aria-live="polite">
        {request.status === 'open'
          ? `Waiting for a site admin to decide on ${appName}. This updates by itself.`
          : null}
        {request.status === 'approved'
          ? `Approved${request.decidedBy ? ` by ${request.decidedBy.name}` : ''}: ${appName} is authorized. Connect it again.`
          : null}
        {request.status === 'denied'
          ? `Declined${request.decidedBy ? ` by ${request.decidedBy.name}` : ''}${request.reason ? `: “${request.reason}”` : '.'}`
          : null}
      </p>
      {href ? (
        <Link
          href={href}
          scroll={false}
          className="btn-primary"
          onClick={() => trackFunnelEvent({ flow, node, kind: 'choice_made', choice: result })}
        >
          {request.status === 'open' ? 'Done for now' : 'Continue'}
        </Link>
      ) : null}
    </section>
  );
}
