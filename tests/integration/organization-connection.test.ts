import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as organizationRoute from '@/app/api/organization/route';
import * as connectionsRoute from '@/app/api/organization/connections/route';
import * as connectionRoute from '@/app/api/organization/connections/[organizationId]/route';
import * as syncRoute from '@/app/api/organization/connections/[organizationId]/sync/route';
import { resetConfigForTests } from '@/lib/config';
import {
  accessRequests,
  auditLog,
  notificationOutbox,
  organizationAdmins,
  organizationConnections,
  siteAppStatus,
  siteMemberships,
} from '@/lib/db/schema';
import { seedDemo } from '@/lib/demo/seed-demo';
import { listAdministeredSiteIds } from '@/lib/directory/site-access';
import { unsafeListSiteAdmins } from '@/lib/directory/list-site-admins';
import { createMemoryRateLimiter, setRateLimiterForTests } from '@/lib/http/rate-limit';
import { organizationDeps } from '@/lib/organizations/deps';
import { pollAppInstallations } from '@/lib/organizations/poll-app-installations';
import { syncOrganizationRoles } from '@/lib/organizations/sync-organization-roles';
import {
  CONTRACT_CLOUD_IDS,
  startAtlassianContractServer,
  type AtlassianContractServer,
} from '@/tests/support/atlassian-contract-server';
import type { ContractOrg } from '@/tests/support/atlassian-admin-contract';
import { callRoute } from '@/tests/support/call-route';
import { demoUser, type DemoUserKey } from '@/tests/support/session';
import { openSuiteDatabase, testBackends } from '@/tests/support/test-database';
import { acquireLease, releaseLease } from '@/lib/db/lease';

// Connecting an organization with its API key, end to end through the route handlers, against the
// contract server's Organizations REST API, on PGlite and (with TEST_DATABASE_URL) PostgreSQL.
// Every log line written meanwhile is captured: the key must never be in one.

const captured = vi.hoisted(() => ({ lines: [] as string[] }));
vi.mock('@/lib/log', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/log')>();
  return {
    ...actual,
    logger: actual.createLogger('trace', { write: (line: string) => void captured.lines.push(line) }),
  };
});

const ORG = 'a1b2c3d4-0rg0-4acm-8e00-00000000a11c';
const KEY = 'ATCTT3xFfGN0-good-org-key-4f2a9c7e1b';
const SECOND_KEY = 'ATCTT3xFfGN0-second-org-key-77d1e0aa';
const NO_WORKSPACES_KEY = 'ATCTT3xFfGN0-directories-only-key-5c';
const BAD_KEY = 'ATCTT3xFfGN0-revoked-key-000000000000';
const ALL_KEYS = [KEY, SECOND_KEY, NO_WORKSPACES_KEY, BAD_KEY];

const account = (key: DemoUserKey) => demoUser(key).accountId;

function acmeOrg(overrides: Partial<ContractOrg> = {}): ContractOrg {
  return {
    id: ORG,
    name: 'Acme Corp',
    apiKeys: [
      { key: KEY },
      { key: SECOND_KEY },
      { key: NO_WORKSPACES_KEY, scopes: ['read:directories:admin'] },
    ],
    cloudIds: [CONTRACT_CLOUD_IDS.acme, CONTRACT_CLOUD_IDS.acmeSandbox],
    roleAssignments: [
      { accountId: account('ada'), role: 'atlassian/org-admin' },
      { accountId: account('sam'), role: 'atlassian/site-admin', cloudId: CONTRACT_CLOUD_IDS.acmeSandbox },
      { accountId: account('nora'), role: 'atlassian/user', cloudId: CONTRACT_CLOUD_IDS.acme },
    ],
    auditLogApi: true,
    events: [],
    ...overrides,
  };
}

const viewerOf = (key: DemoUserKey) => {
  const user = demoUser(key);
  return {
    userId: user.id,
    accountId: user.accountId,
    email: user.email,
    name: user.name,
    source: 'local' as const,
  };
};

let server: AtlassianContractServer;

beforeAll(async () => {
  server = await startAtlassianContractServer();
  vi.stubEnv('ATLASSIAN_ADMIN_API_URL', `${server.url}/admin`);
  resetConfigForTests();
});
afterAll(async () => {
  await server.close();
  vi.unstubAllEnvs();
  resetConfigForTests();
});

/** Fast failure for the fault cases: no waiting on retries. */
const quickDeps = (holder = 'test-replica') => ({
  ...organizationDeps({ maxRetries: 0, timeoutMs: 2_000 }),
  holder,
});

describe.each(testBackends())('organization connection on $name', (backend) => {
  const suite = openSuiteDatabase(backend, { seed: seedDemo });

  beforeEach(() => {
    server.reset();
    for (const key of ['ada', 'sam', 'nora', 'gus'] as const) {
      const user = demoUser(key);
      server.upsertUser({ accountId: user.accountId, email: user.email, name: user.name, sites: [] });
    }
    server.admin.upsertOrg(acmeOrg());
    setRateLimiterForTests(createMemoryRateLimiter());
  });

  const connect = (as: DemoUserKey, body: unknown) =>
    callRoute(connectionsRoute.POST, { method: 'POST', path: '/api/organization/connections', body, as });
  const page = (as: DemoUserKey) =>
    callRoute(organizationRoute.GET, { method: 'GET', path: '/api/organization', as });

  it('refuses a key Atlassian does not accept, and stores nothing', async () => {
    const response = await connect('ada', {
      atlassianOrgId: ORG,
      apiKey: BAD_KEY,
      organizationId: 'org-acme',
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('org_api_key_invalid');
    expect(JSON.stringify(body)).not.toContain(BAD_KEY);
    expect(await suite.db.select().from(organizationConnections)).toEqual([]);
  });

  it('refuses a key without the workspaces scope, saying so', async () => {
    const response = await connect('ada', {
      atlassianOrgId: ORG,
      apiKey: NO_WORKSPACES_KEY,
      organizationId: 'org-acme',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('org_api_forbidden');
    expect(await suite.db.select().from(organizationConnections)).toEqual([]);
  });

  it('is not there for a member who administers nothing', async () => {
    expect((await page('nora')).status).toBe(404);
    expect((await connect('nora', { atlassianOrgId: ORG, apiKey: KEY })).status).toBe(404);
  });

  it('connects with a good key: tested, sealed, audited, and roles synced from role assignments', async () => {
    const response = await connect('ada', { atlassianOrgId: ORG, apiKey: KEY, organizationId: 'org-acme' });
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(text).not.toContain(KEY);
    const { connection } = JSON.parse(text) as { connection: Record<string, unknown> };
    expect(connection).toMatchObject({
      organizationId: 'org-acme',
      atlassianOrgId: ORG,
      apiKeyHint: `…${KEY.slice(-4)}`,
      auditLogApi: 'available',
      lastSyncError: null,
    });
    expect(connection.rolesSyncedAt).not.toBeNull();
    // The workspaces walked two pages (the contract server pages by two).
    expect(server.countRequests(`/admin/v2/orgs/${ORG}/workspaces`)).toBeGreaterThanOrEqual(1);

    const [row] = await suite.db.select().from(organizationConnections);
    expect(row!.apiKeyCiphertext).not.toContain(KEY);
    expect(row!.apiKeyKeyId).toBe('dev');

    const audit = await suite.db.select().from(auditLog).where(eq(auditLog.action, 'organization.connected'));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(KEY);

    // Sam's site-admin role on the sandbox now comes from the role assignments, Ada's org admin too.
    const [sam] = await suite.db
      .select()
      .from(siteMemberships)
      .where(and(eq(siteMemberships.userId, 'user-sam'), eq(siteMemberships.siteId, 'site-acme-sandbox')));
    expect(sam).toMatchObject({ role: 'site-admin', roleSource: 'admin-api' });
    const [ada] = await suite.db
      .select()
      .from(organizationAdmins)
      .where(eq(organizationAdmins.userId, 'user-ada'));
    expect(ada).toMatchObject({ organizationId: 'org-acme', roleSource: 'admin-api' });
    // The non-admin branch names them with their role.
    expect(await unsafeListSiteAdmins(suite.db, 'site-acme-sandbox')).toEqual([
      expect.objectContaining({ name: 'Ada Admin', role: 'org-admin' }),
      expect.objectContaining({ name: 'Sam Sandbox', role: 'site-admin' }),
    ]);

    const listed = await (await page('ada')).text();
    expect(listed).not.toContain(KEY);
    expect(JSON.parse(listed)).toMatchObject({
      connections: [{ organizationId: 'org-acme' }],
      unconnected: [],
    });
  });

  it('lets only the org admin replace the key, and audits the replacement', async () => {
    expect((await connect('sam', { atlassianOrgId: ORG, apiKey: SECOND_KEY })).status).toBe(403);
    const response = await connect('ada', { atlassianOrgId: ORG, apiKey: SECOND_KEY });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { connection: { apiKeyHint: string } }).connection.apiKeyHint).toBe(
      `…${SECOND_KEY.slice(-4)}`,
    );
    expect(
      await suite.db.select().from(auditLog).where(eq(auditLog.action, 'organization.key_replaced')),
    ).toHaveLength(1);
  });

  it('removes a role removed upstream at the next sync: the demoted admin loses the console', async () => {
    expect(await listAdministeredSiteIds(suite.db, viewerOf('sam'))).toEqual(['site-acme-sandbox']);
    server.admin.setRoleAssignments(
      ORG,
      acmeOrg().roleAssignments.filter((a) => a.accountId !== account('sam')),
    );
    const response = await callRoute(syncRoute.POST, {
      method: 'POST',
      path: '/api/organization/connections/org-acme/sync',
      params: { organizationId: 'org-acme' },
      as: 'ada',
    });
    expect(response.status).toBe(200);
    expect(await listAdministeredSiteIds(suite.db, viewerOf('sam'))).toEqual([]);
    expect((await unsafeListSiteAdmins(suite.db, 'site-acme-sandbox')).map((a) => a.name)).toEqual([
      'Ada Admin',
    ]);
  });

  it('stops trusting synced rights older than the TTL when syncs fail', async () => {
    // Sam is site admin again upstream and synced; then Atlassian fails every call.
    await syncOrganizationRoles(suite.db, 'org-acme', quickDeps(), { force: true });
    expect(await listAdministeredSiteIds(suite.db, viewerOf('sam'))).toEqual(['site-acme-sandbox']);
    server.addFault({ kind: 'server-error', path: '/admin/' });
    const failed = await syncOrganizationRoles(suite.db, 'org-acme', quickDeps(), { force: true });
    expect(failed).toMatchObject({ status: 'failed', code: 'atlassian_unavailable' });
    // Still within the TTL: the last sync's rights hold.
    expect(await listAdministeredSiteIds(suite.db, viewerOf('sam'))).toEqual(['site-acme-sandbox']);
    // 16 minutes later (TTL 15): no longer trusted, neither for the console nor as a recipient.
    await suite.db
      .update(siteMemberships)
      .set({ updatedAt: sql`now() - interval '16 minutes'` })
      .where(eq(siteMemberships.roleSource, 'admin-api'));
    expect(await listAdministeredSiteIds(suite.db, viewerOf('sam'))).toEqual([]);
    expect((await unsafeListSiteAdmins(suite.db, 'site-acme-sandbox')).map((a) => a.name)).not.toContain(
      'Sam Sandbox',
    );
  });

  it('honours 429 Retry-After: no sync before it has passed', async () => {
    server.addFault({ kind: 'rate-limited', path: '/admin/', retryAfterSeconds: 120 });
    const outcome = await syncOrganizationRoles(suite.db, 'org-acme', quickDeps(), { force: true });
    expect(outcome).toMatchObject({ status: 'failed', code: 'atlassian_rate_limited' });
    const before = server.countRequests('/admin/');
    expect(await syncOrganizationRoles(suite.db, 'org-acme', quickDeps(), { force: true })).toEqual({
      status: 'not-due',
    });
    expect(server.countRequests('/admin/')).toBe(before);
    const [row] = await suite.db.select().from(organizationConnections);
    expect(row!.rolesNextSyncAt!.getTime()).toBeGreaterThan(Date.now() + 100_000);
    await suite.db.update(organizationConnections).set({ rolesNextSyncAt: null });
  });

  it('does not start a sync twice: a second replica finds the lease taken', async () => {
    // Replica A is mid-sync (holds the lease): B stays out. Run side by side, the two could also
    // finish one after the other, so the lease is taken first rather than raced for.
    expect(await acquireLease(suite.db, 'org-roles:org-acme', 'replica-a', 60_000)).toBe(true);
    const second = await syncOrganizationRoles(suite.db, 'org-acme', quickDeps('replica-b'), { force: true });
    expect(second.status).toBe('busy');
    await releaseLease(suite.db, 'org-roles:org-acme', 'replica-a');
    const third = await syncOrganizationRoles(suite.db, 'org-acme', quickDeps('replica-b'), { force: true });
    expect(third.status).toBe('synced');
  });

  it('closes the open request when the audit log reports the app installed, exactly once with two pollers', async () => {
    const [request] = await suite.db
      .insert(accessRequests)
      .values({
        requesterId: 'user-nora',
        siteId: 'site-acme',
        appId: 'app-docuflow',
        message: 'For the handbook',
      })
      .returning({ id: accessRequests.id });
    server.admin.addEvent(ORG, {
      id: 'evt-install-1',
      time: new Date(Date.now() + 1_000).toISOString(),
      action: 'app_installed',
      actor: { id: account('ada'), name: 'Ada Admin' },
      context: [{ id: 'ari:cloud:ecosystem::app/docuflow', type: 'app', attributes: { name: 'DocuFlow' } }],
      container: [
        { id: CONTRACT_CLOUD_IDS.acme, type: 'sites', attributes: { siteHostName: 'acme.atlassian.net' } },
      ],
    });
    // An uninstall and another site's install change nothing.
    server.admin.addEvent(ORG, {
      id: 'evt-uninstall',
      time: new Date(Date.now() + 2_000).toISOString(),
      action: 'app_uninstalled',
      actor: { id: account('ada') },
      context: [{ id: 'x', type: 'app', attributes: { name: 'Roadmap Planner' } }],
      container: [{ id: CONTRACT_CLOUD_IDS.acme, type: 'sites' }],
    });

    const outcomes = await Promise.all([
      pollAppInstallations(suite.db, 'org-acme', quickDeps('replica-a')),
      pollAppInstallations(suite.db, 'org-acme', quickDeps('replica-b')),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['busy', 'polled']);
    // And a later poll (the next minute) reads the boundary event again: still nothing twice.
    await pollAppInstallations(suite.db, 'org-acme', quickDeps('replica-b'));

    const [closed] = await suite.db.select().from(accessRequests).where(eq(accessRequests.id, request!.id));
    expect(closed).toMatchObject({ status: 'approved', decidedBy: null });
    const notices = await suite.db
      .select()
      .from(notificationOutbox)
      .where(
        and(
          eq(notificationOutbox.kind, 'access_request.approved'),
          sql`${notificationOutbox.payload}->>'requestId' = ${request!.id}`,
        ),
      );
    expect(notices).toHaveLength(1);
    expect(notices[0]!.recipientUserId).toBe('user-nora');
    const approvals = await suite.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'access_request.approved'), eq(auditLog.target, request!.id)));
    expect(approvals).toHaveLength(1);
    expect(approvals[0]!.details).toMatchObject({ via: 'org-audit-log' });
    const [status] = await suite.db
      .select()
      .from(siteAppStatus)
      .where(and(eq(siteAppStatus.siteId, 'site-acme'), eq(siteAppStatus.appId, 'app-docuflow')));
    expect(status?.status).toBe('authorized');
    const [roadmap] = await suite.db
      .select()
      .from(siteAppStatus)
      .where(and(eq(siteAppStatus.siteId, 'site-acme'), eq(siteAppStatus.appId, 'app-roadmap')));
    expect(roadmap).toBeUndefined();
  });

  it('says so when the plan has no audit-log API, and keeps the manual path', async () => {
    server.admin.upsertOrg(acmeOrg({ auditLogApi: false }));
    await suite.db.update(organizationConnections).set({ eventsNextPollAt: null });
    expect(await pollAppInstallations(suite.db, 'org-acme', quickDeps())).toEqual({ status: 'unavailable' });
    const listed = (await (await page('ada')).json()) as { connections: { auditLogApi: string }[] };
    expect(listed.connections[0]!.auditLogApi).toBe('unavailable');
  });

  it('disconnects: audited, the key gone, the roles it synced removed', async () => {
    const response = await callRoute(connectionRoute.DELETE, {
      method: 'DELETE',
      path: '/api/organization/connections/org-acme',
      params: { organizationId: 'org-acme' },
      as: 'ada',
    });
    expect(response.status).toBe(204);
    expect(await suite.db.select().from(organizationConnections)).toEqual([]);
    expect(
      await suite.db.select().from(auditLog).where(eq(auditLog.action, 'organization.disconnected')),
    ).toHaveLength(1);
    expect(
      await suite.db.select().from(organizationAdmins).where(eq(organizationAdmins.roleSource, 'admin-api')),
    ).toEqual([]);
    expect(await listAdministeredSiteIds(suite.db, viewerOf('sam'))).toEqual([]);
  });

  it('never wrote a key into a log line', () => {
    expect(captured.lines.length).toBeGreaterThan(0);
    for (const line of captured.lines) for (const key of ALL_KEYS) expect(line).not.toContain(key);
  });
});
