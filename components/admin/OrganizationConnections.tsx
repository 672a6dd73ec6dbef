'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import { connectOrganization, disconnectOrganization, syncOrganization } from '@/components/api-client';
import type {
  OrganizationConnectionDto,
  OrganizationPageDto,
} from '@/lib/organizations/connect-organization';

const ACTION_LABEL: Record<string, string> = {
  'organization.connected': 'Connected',
  'organization.key_replaced': 'API key replaced',
  'organization.disconnected': 'Disconnected',
};

// The same text on the server and in the browser (no locale), so hydration matches.
const when = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : 'never');

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
          ? `The new key works; it replaced the old one for ${saved.organizationName}.`
          : `${saved.organizationName} is connected: ${saved.sites.length} site${saved.sites.length === 1 ? '' : 's'} found.`,
      );
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'The organization could not be connected.');
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      className="space-y-3"
      aria-label={
        connection ? `Replace the API key of ${connection.organizationName}` : 'Connect an organization'
      }
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      {!connection ? (
        <label htmlFor={ids.org} className="block text-sm font-medium">
          Atlassian organization id
          <input
            id={ids.org}
            className="input mt-1 w-full"
            required
            autoComplete="off"
            value={atlassianOrgId}
            onChange={(event) => setAtlassianOrgId(event.target.value)}
            placeholder="From admin.atlassian.com/o/<organization id>/overview"
          />
        </label>
      ) : null}
      {!connection && organizations.length > 0 ? (
        <label htmlFor={ids.target} className="block text-sm font-medium">
          Organization in Greenlight
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
        {connection ? 'New organization API key' : 'Organization API key'}
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
        {pending ? 'Testing the key…' : connection ? 'Test and replace the key' : 'Test and connect'}
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
  const [pending, setPending] = useState(false);
  const [error, setError] = useState('');
  const [replacing, setReplacing] = useState(false);

  async function act(work: () => Promise<unknown>, message: string) {
    setPending(true);
    setError('');
    try {
      await work();
      onDone(message);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'That did not work.');
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
        {connection.organizationName} <span className="text-sm font-normal text-slate-600">· connected</span>
      </h3>
      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">Atlassian organization</dt>
        <dd>{connection.atlassianOrgId}</dd>
        <dt className="font-medium">API key</dt>
        <dd>
          ending {connection.apiKeyHint} · connected {when(connection.connectedAt)}
          {connection.connectedBy ? ` by ${connection.connectedBy}` : ''}
        </dd>
        <dt className="font-medium">Roles last synced</dt>
        <dd>{when(connection.rolesSyncedAt)}</dd>
        <dt className="font-medium">Sites</dt>
        <dd>
          {connection.sites.length ? connection.sites.map((site) => site.name).join(', ') : 'none found'}
        </dd>
        <dt className="font-medium">App installations</dt>
        <dd>
          {connection.auditLogApi === 'available'
            ? 'Read from the audit log: an app installed on a site closes the requests for it.'
            : connection.auditLogApi === 'unavailable'
              ? 'Not available: the organization’s audit-log API needs Atlassian Guard (or the key lacks read:events:admin). Admins approve requests in Greenlight as before.'
              : 'Not checked yet.'}
        </dd>
      </dl>
      {connection.lastSyncError ? (
        <p role="alert" className="text-sm text-amber-800 dark:text-amber-300">
          Last sync failed: {connection.lastSyncError}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <button
          type="button"
          className="btn-secondary"
          disabled={pending}
          onClick={() =>
            void act(() => syncOrganization(connection.organizationId), 'Roles synced from Atlassian.')
          }
        >
          Sync roles now
        </button>
        <button
          type="button"
          className="btn-secondary"
          disabled={pending}
          onClick={() => setReplacing(!replacing)}
        >
          Replace the key
        </button>
        <button
          type="button"
          className="btn-secondary"
          disabled={pending}
          onClick={() =>
            void act(
              () => disconnectOrganization(connection.organizationId),
              `${connection.organizationName} is disconnected; its key is deleted.`,
            )
          }
        >
          Disconnect
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
          <summary className="cursor-pointer text-sm font-medium">History</summary>
          <ul className="mt-2 space-y-1 text-sm">
            {connection.history.map((entry) => (
              <li key={`${entry.at}-${entry.action}`}>
                {when(entry.at)} · {ACTION_LABEL[entry.action] ?? entry.action}
                {entry.actor ? ` by ${entry.actor}` : ''}
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
            Connect an organization
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
