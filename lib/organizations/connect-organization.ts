import 'server-only';
import { and, asc, desc, eq, inArray, like } from 'drizzle-orm';
import { z } from 'zod';
import { assertCanManageOrganization, assertCanOpenOrganizationPage } from '@/lib/auth/policy';
import type { Viewer } from '@/lib/auth/viewer';
import { auditLog, organizationConnections, organizations, sites, users } from '@/lib/db/schema';
import type { Database, Executor } from '@/lib/db/types';
import { listAdministeredOrganizationIds } from '@/lib/directory/list-administered-organizations';
import { listSitesWithAdminStanding } from '@/lib/directory/site-access';
import { AppError, notFound } from '@/lib/errors';
import { recordAudit } from '@/lib/db/audit-log';
import { loadConnection, sealApiKey } from './connection-store';
import type { OrganizationDeps } from './deps';
import { probeAuditLogApi } from './poll-app-installations';
import { sitesFromWorkspaces } from './org-roles';
import { forgetOrganizationRoles, syncOrganizationRoles } from './sync-organization-roles';

// Connecting an organization: an org admin gives Greenlight the Atlassian org id and an
// organization API key; Greenlight tests it (the org and its workspaces) before it stores
// anything, seals the key, and syncs roles at once. The key never leaves this module in clear
// except towards Atlassian; no DTO carries it, no log line names it.

export const connectOrganizationInput = z
  .object({
    atlassianOrgId: z
      .string()
      .trim()
      .regex(
        /^[A-Za-z0-9:_-]{1,128}$/,
        'An organization id has letters, digits and dashes (Atlassian Administration URL: /o/<id>).',
      ),
    apiKey: z.string().trim().min(8, 'Paste the whole API key.').max(4096),
    /** Greenlight's organization to connect; omitted: the one named after the Atlassian org (created if new). */
    organizationId: z.string().trim().min(1).max(128).optional(),
  })
  .strict();
export type ConnectOrganizationInput = z.infer<typeof connectOrganizationInput>;

export interface OrganizationConnectionDto {
  organizationId: string;
  organizationName: string;
  atlassianOrgId: string;
  /** The last four characters, to tell keys apart. Never the key. */
  apiKeyHint: string;
  connectedAt: string;
  connectedBy: string | null;
  rolesSyncedAt: string | null;
  lastSyncError: string | null;
  /** "unavailable": no audit-log API (plan without Atlassian Guard, or a key without read:events:admin). */
  auditLogApi: 'unknown' | 'available' | 'unavailable';
  sites: { id: string; name: string; url: string }[];
  history: { at: string; action: string; actor: string | null }[];
}

export interface OrganizationPageDto {
  /** Connections of the organizations the viewer administers. */
  connections: OrganizationConnectionDto[];
  /** Organizations the viewer administers that are not connected (connect targets). */
  unconnected: { id: string; name: string }[];
}

const hintOf = (apiKey: string) => `…${apiKey.slice(-4)}`;
const greenlightOrgIdFor = (atlassianOrgId: string) => `org-atl-${atlassianOrgId}`.slice(0, 128);

async function viewerFacts(db: Executor, viewer: Viewer) {
  const [orgIds, siteIds] = await Promise.all([
    listAdministeredOrganizationIds(db, viewer),
    listSitesWithAdminStanding(db, viewer),
  ]);
  return { orgIds, siteIds };
}

async function toDto(db: Executor, organizationId: string): Promise<OrganizationConnectionDto | undefined> {
  const [row] = await db
    .select({
      connection: organizationConnections,
      organizationName: organizations.name,
      connectedByName: users.name,
    })
    .from(organizationConnections)
    .innerJoin(organizations, eq(organizations.id, organizationConnections.organizationId))
    .leftJoin(users, eq(users.id, organizationConnections.connectedBy))
    .where(eq(organizationConnections.organizationId, organizationId));
  if (!row) return undefined;
  const { connection } = row;
  const orgSites = await db
    .select({ id: sites.id, name: sites.name, url: sites.url })
    .from(sites)
    .where(eq(sites.organizationId, organizationId))
    .orderBy(asc(sites.name));
  const history = await db
    .select({ at: auditLog.at, action: auditLog.action, actor: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(eq(auditLog.target, organizationId), like(auditLog.action, 'organization.%')))
    .orderBy(desc(auditLog.at))
    .limit(20);
  return {
    organizationId,
    organizationName: row.organizationName,
    atlassianOrgId: connection.atlassianOrgId,
    apiKeyHint: connection.apiKeyHint,
    connectedAt: connection.connectedAt.toISOString(),
    connectedBy: row.connectedByName,
    rolesSyncedAt: connection.rolesSyncedAt?.toISOString() ?? null,
    lastSyncError: connection.lastSyncError,
    auditLogApi: connection.auditLogApi,
    sites: orgSites,
    history: history.map((entry) => ({
      at: entry.at.toISOString(),
      action: entry.action,
      actor: entry.actor,
    })),
  };
}

/** What /admin/organization shows the viewer; 404 for people who administer nothing. */
export async function loadOrganizationPage(db: Executor, viewer: Viewer): Promise<OrganizationPageDto> {
  const { orgIds, siteIds } = await viewerFacts(db, viewer);
  assertCanOpenOrganizationPage(orgIds, siteIds);
  const connections: OrganizationConnectionDto[] = [];
  const unconnected: { id: string; name: string }[] = [];
  if (orgIds.length) {
    const orgs = await db
      .select({ id: organizations.id, name: organizations.name })
      .from(organizations)
      .where(inArray(organizations.id, orgIds))
      .orderBy(asc(organizations.name));
    for (const org of orgs) {
      const dto = await toDto(db, org.id);
      if (dto) connections.push(dto);
      else unconnected.push(org);
    }
  }
  return { connections, unconnected };
}

/**
 * Tests the key against Atlassian (the org, then its workspaces), then stores it sealed: a new
 * connection, or a replaced key. Replacing, and connecting an organization Greenlight already
 * knows, is for that organization's org admins; connecting a new one for anyone who administers
 * a site (the key proves org admin at Atlassian). Then roles are synced and the audit-log API probed.
 */
export async function connectOrganization(
  db: Database,
  viewer: Viewer,
  input: ConnectOrganizationInput,
  deps: OrganizationDeps,
): Promise<OrganizationConnectionDto> {
  const { orgIds, siteIds } = await viewerFacts(db, viewer);
  assertCanOpenOrganizationPage(orgIds, siteIds);

  const [existing] = await db
    .select({ organizationId: organizationConnections.organizationId })
    .from(organizationConnections)
    .where(eq(organizationConnections.atlassianOrgId, input.atlassianOrgId));
  const organizationId =
    existing?.organizationId ?? input.organizationId ?? greenlightOrgIdFor(input.atlassianOrgId);
  if (input.organizationId && existing && existing.organizationId !== input.organizationId)
    throw new AppError(
      'conflict',
      'This Atlassian organization is already connected to another organization in Greenlight.',
    );
  const [known] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (known) assertCanManageOrganization(orgIds, organizationId);
  else if (input.organizationId) throw notFound('Organization not found.');

  // The test: Atlassian must accept the key for this org and list its sites. Nothing is stored before.
  const api = deps.adminApi(input.apiKey);
  const org = await api.getOrg(input.atlassianOrgId);
  const workspaces = sitesFromWorkspaces(await api.listWorkspaces(input.atlassianOrgId));

  const sealed = sealApiKey(input.apiKey, organizationId, deps);
  const replaced = await db.transaction(async (tx) => {
    await tx.insert(organizations).values({ id: organizationId, name: org.name }).onConflictDoNothing();
    const previous = await loadConnection(tx, organizationId);
    if (previous && previous.atlassianOrgId !== input.atlassianOrgId)
      throw new AppError(
        'conflict',
        'This organization is connected to another Atlassian organization. Disconnect it first.',
      );
    const values = {
      atlassianOrgId: input.atlassianOrgId,
      apiKeyCiphertext: sealed.ciphertext,
      apiKeyKeyId: sealed.keyId,
      apiKeyHint: hintOf(input.apiKey),
      connectedBy: viewer.userId,
      updatedAt: deps.now(),
      lastSyncError: null,
      rolesNextSyncAt: null,
    };
    await tx
      .insert(organizationConnections)
      .values({ organizationId, ...values, connectedAt: deps.now(), eventsSince: deps.now() })
      .onConflictDoUpdate({ target: organizationConnections.organizationId, set: values });
    await recordAudit(tx, {
      actorUserId: viewer.userId,
      action: previous ? 'organization.key_replaced' : 'organization.connected',
      siteId: null,
      target: organizationId,
      details: {
        atlassianOrgId: input.atlassianOrgId,
        apiKeyHint: hintOf(input.apiKey),
        sites: workspaces.length,
      },
    });
    return previous !== undefined;
  });

  // Best effort: a failure is recorded on the connection and shown; the key is stored either way.
  await syncOrganizationRoles(db, organizationId, deps, { force: true });
  if (!replaced) await probeAuditLogApi(db, organizationId, deps);
  return (await toDto(db, organizationId))!;
}

/** Forgets the key and the roles it synced; the sites stay, with what sign-ins tell. Org admins only. */
export async function disconnectOrganization(
  db: Database,
  viewer: Viewer,
  organizationId: string,
): Promise<void> {
  const { orgIds } = await viewerFacts(db, viewer);
  if (!(await loadConnection(db, organizationId))) throw notFound('This organization is not connected.');
  assertCanManageOrganization(orgIds, organizationId);
  await db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(organizationConnections)
      .where(eq(organizationConnections.organizationId, organizationId))
      .returning({ atlassianOrgId: organizationConnections.atlassianOrgId });
    if (!removed) throw notFound('This organization is not connected.');
    await forgetOrganizationRoles(tx, organizationId);
    await recordAudit(tx, {
      actorUserId: viewer.userId,
      action: 'organization.disconnected',
      siteId: null,
      target: organizationId,
      details: { atlassianOrgId: removed.atlassianOrgId },
    });
  });
}

/** "Sync now": an org admin asks for roles at once (still one sync at a time, and never before a 429's Retry-After). */
export async function syncOrganizationNow(
  db: Database,
  viewer: Viewer,
  organizationId: string,
  deps: OrganizationDeps,
): Promise<OrganizationConnectionDto> {
  const { orgIds } = await viewerFacts(db, viewer);
  if (!(await loadConnection(db, organizationId))) throw notFound('This organization is not connected.');
  assertCanManageOrganization(orgIds, organizationId);
  await syncOrganizationRoles(db, organizationId, deps, { force: true });
  return (await toDto(db, organizationId))!;
}
