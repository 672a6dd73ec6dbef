'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import { connectOrganization, disconnectOrganization, syncOrganization } from '@/components/api-client';
import { apiErrorMessageKey } from '@/components/api-error-message';
import type {
  OrganizationConnectionDto,
  OrganizationPageDto,
} from '@/lib/organizations/connect-organization';

// Catalog keys of the history's actions (full paths, so `npm run lint` sees them used).
const ACTION_LABEL: Record<string, string> = {
  'organization.connected': 'Organization.history.connected',
  'organization.key_replaced': 'Organization.history.keyReplaced',
  'organization.disconnected': 'Organization.history.disconnected',
};

// In UTC and on a 24-hour clock, so the server's text and the browser's match when hydrating.
const WHEN = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'UTC',
  timeZoneName: 'short',
} as const;

/** "5 Dec 2026, 08:40 UTC" in the reader's language, or "never". */
function useWhen() {
  const t = useTranslations();
  const format = useFormatter();
  return (iso: string | null) => (iso ? format.dateTime(new Date(iso), WHEN) : t('Organization.never'));
}

/** The form that tests and stores a key: a new connection, or a replacement for `connection`. */
function ConnectForm({
  connection,
  organizations,
  onDone,
}: {
  connection?: OrganizationConnectionDto;
  organizations: { id: string; name: string }[];
  onDone: (message: string) => void;
}) {
  const t = useTranslations();
  const ids = { org: useId(), key: useId(), target: useId() };
  const [atlassianOrgId, setAtlassianOrgId] = useState(connection?.atlassianOrgId ?? '');
  const [apiKey, setApiKey] = useState('');
  const [organizationId, setOrganizationId] = useState(
    connection?.organizationId ?? organizations[0]?.id ?? '',
  );
  const [pending, setPending] = useState(false);
  const [error, setError] = useState('');

  async function submit() {
    setPending(true);
    setError('');
    try {
      const saved = await connectOrganization({
        atlassianOrgId,
        apiKey,
        ...(organizationId ? { organizationId } : {}),
      });
      setApiKey('');
      onDone(
        connection
          ? t('Organization.keyReplacedNotice', { organization: saved.organizationName })
          : t('Organization.connectedNotice', {
              organization: saved.organizationName,
              count: saved.sites.length,
            }),
      );
    } catch (failure) {
      setError(t(apiErrorMessageKey(failure, 'Errors.connectFailed')));
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      className="space-y-3"
      aria-label={
        connection
          ? t('Organization.replaceKeyOf', { organization: connection.organizationName })
          : t('Organization.connectTitle')
      }
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      {!connection ? (
        <label htmlFor={ids.org} className="block text-sm font-medium">
          {t('Organization.orgIdLabel')}
          <input
            id={ids.org}
            className="input mt-1 w-full"
            required
            autoComplete="off"
            value={atlassianOrgId}
            onChange={(event) => setAtlassianOrgId(event.target.value)}
            placeholder={t('Organization.orgIdPlaceholder')}
          />
        </label>
      ) : null}
      {!connection && organizations.length > 0 ? (
        <label htmlFor={ids.target} className="block text-sm font-medium">
          {t('Organization.targetLabel')}
          <select
            id={ids.target}
            className="input mt-1 py-1.5"
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
      ) : null}
      <label htmlFor={ids.key} className="block text-sm font-medium">
        {connection ? t('Organization.newKeyLabel') : t('Organization.keyLabel')}
        <input
          id={ids.key}
          className="input mt-1 w-full"
          type="password"
          required
          autoComplete="off"
          value={apiKey}
          onChange={(event) => setApiKey(event.target.value)}
        />
      </label>
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending
          ? t('Organization.testing')
          : connection
            ? t('Organization.testAndReplace')
            : t('Organization.testAndConnect')}
      </button>
      {error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </form>
  );
}

function Connection({
  connection,
  onDone,
}: {
  connection: OrganizationConnectionDto;
  onDone: (message: string) => void;
}) {
  const t = useTranslations();
  const when = useWhen();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState('');
  const [replacing, setReplacing] = useState(false);
  const historyAction = (action: string) => {
    const key = ACTION_LABEL[action];
    return key ? t(key) : action;
  };

  async function act(work: () => Promise<unknown>, message: string) {
    setPending(true);
    setError('');
    try {
      await work();
      onDone(message);
    } catch (failure) {
      setError(t(apiErrorMessageKey(failure, 'Errors.actionFailed')));
    } finally {
      setPending(false);
    }
  }

  return (
    <section aria-labelledby={`org-${connection.organizationId}`} className="card space-y-4">
      <h3
        id={`org-${connection.organizationId}`}
        className="text-lg font-semibold text-slate-900 dark:text-white"
      >
        {connection.organizationName}{' '}
        <span className="text-sm font-normal text-slate-600">· {t('Organization.connectedBadge')}</span>
      </h3>
      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">{t('Organization.atlassianOrg')}</dt>
        <dd>{connection.atlassianOrgId}</dd>
        <dt className="font-medium">{t('Organization.apiKey')}</dt>
        <dd>
          {t('Organization.keyEnding', { hint: connection.apiKeyHint })} ·{' '}
          {connection.connectedBy
            ? t('Organization.connectedAtBy', {
                when: when(connection.connectedAt),
                name: connection.connectedBy,
              })
            : t('Organization.connectedAt', { when: when(connection.connectedAt) })}
        </dd>
        <dt className="font-medium">{t('Organization.rolesSynced')}</dt>
        <dd>{when(connection.rolesSyncedAt)}</dd>
        <dt className="font-medium">{t('Organization.sites')}</dt>
        <dd>
          {connection.sites.length
            ? connection.sites.map((site) => site.name).join(', ')
            : t('Organization.noSites')}
        </dd>
        <dt className="font-medium">{t('Organization.installations')}</dt>
        <dd>
          {connection.auditLogApi === 'available'
            ? t('Organization.installationsAvailable')
            : connection.auditLogApi === 'unavailable'
              ? t('Organization.installationsUnavailable')
              : t('Organization.installationsUnchecked')}
        </dd>
      </dl>
      {connection.lastSyncError ? (
        <p role="alert" className="text-sm text-amber-800 dark:text-amber-300">
          {t('Organization.lastSyncFailed', { error: connection.lastSyncError })}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <button
          type="button"
          className="btn-secondary"
          disabled={pending}
          onClick={() =>
            void act(() => syncOrganization(connection.organizationId), t('Organization.syncedNotice'))
          }
        >
          {t('Organization.syncNow')}
        </button>
        <button
          type="button"
          className="btn-secondary"
          disabled={pending}
          onClick={() => setReplacing(!replacing)}
        >
          {t('Organization.replaceKey')}
        </button>
        <button
          type="button"
          className="btn-secondary"
          disabled={pending}
          onClick={() =>
            void act(
              () => disconnectOrganization(connection.organizationId),
              t('Organization.disconnectedNotice', { organization: connection.organizationName }),
            )
          }
        >
          {t('Organization.disconnect')}
        </button>
      </div>
      {replacing ? <ConnectForm connection={connection} organizations={[]} onDone={onDone} /> : null}
      {error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
      {connection.history.length ? (
        <details>
          <summary className="cursor-pointer text-sm font-medium">{t('Organization.historyTitle')}</summary>
          <ul className="mt-2 space-y-1 text-sm">
            {connection.history.map((entry) => (
              <li key={`${entry.at}-${entry.action}`}>
                {when(entry.at)} ·{' '}
                {entry.actor
                  ? t('Organization.historyBy', { action: historyAction(entry.action), name: entry.actor })
                  : historyAction(entry.action)}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

/** The viewer's connected organizations, and a form to connect one. */
export function OrganizationConnections({ data }: { data: OrganizationPageDto }) {
  const t = useTranslations();
  const router = useRouter();
  const [announcement, setAnnouncement] = useState('');
  const [, startTransition] = useTransition();
  const done = (message: string) => {
    setAnnouncement(message);
    startTransition(() => router.refresh());
  };
  return (
    <div className="space-y-6">
      {data.connections.map((connection) => (
        <Connection key={connection.organizationId} connection={connection} onDone={done} />
      ))}
      {data.connections.length === 0 || data.unconnected.length > 0 ? (
        <section aria-labelledby="connect-title" className="card space-y-3">
          <h3 id="connect-title" className="text-lg font-semibold text-slate-900 dark:text-white">
            {t('Organization.connectTitle')}
          </h3>
          <ConnectForm organizations={data.unconnected} onDone={done} />
        </section>
      ) : null}
      <p role="status" className="text-sm font-medium text-brand-800 dark:text-brand-500">
        {announcement}
      </p>
    </div>
  );
}
