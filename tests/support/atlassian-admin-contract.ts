import type { IncomingMessage, ServerResponse } from 'node:http';

// The Organizations REST API half of the contract server (api.atlassian.com/admin), for tests
// only. Paths, parameters, cursors and shapes as documented at
// developer.atlassian.com/cloud/admin/organization/rest and in the jira.js admin client's models
// (facts §3.4, §8.5). Marked UNCONFIRMED where neither source settles it:
// - error bodies of the admin API (JSON:API-style `errors` here);
// - the ARI form of a site resource id ("ari:cloud:jira::site/{cloudId}" here);
// - workspace ids equal to the site's cloud id (here they are);
// - audit-log action keys for app installs and where the event names the app and site (below);
// - event order (oldest first here) and whether `from` is epoch milliseconds (it is here).
// Rate limit: the events endpoint allows 10 requests a minute per path (documented), answered
// with 429 and Retry-After here.

export const CONTRACT_ORG_ID = '9a1b2c3d-acme-4e5f-8a9b-0c1d2e3f4a5b';
export const CONTRACT_ORG_KEY = 'contract-org-key-acme-0123456789abcdef';
/** The action key the fake logs for an app installation (UNCONFIRMED upstream name). */
export const CONTRACT_APP_INSTALLED_ACTION = 'app_installed';

export type ContractAdminRole =
  | 'atlassian/org-admin'
  | 'atlassian/site-admin'
  | 'atlassian/user-access-admin'
  | 'atlassian/admin'
  | 'atlassian/user'
  | 'atlassian/guest';

export interface ContractOrgApiKey {
  key: string;
  /** Scopes the key was created with; undefined: a key without scopes (full access). */
  scopes?: string[];
}

export interface ContractRoleAssignment {
  accountId: string;
  role: ContractAdminRole;
  /** The site (cloud id); absent for org-admin. */
  cloudId?: string;
}

export interface ContractOrgEvent {
  id: string;
  time: string;
  action: string;
  actor: { id: string; name?: string };
  context: { id: string; type?: string; attributes?: Record<string, unknown> }[];
  container?: { id: string; type?: string; attributes?: Record<string, unknown> }[];
}

export interface ContractOrg {
  id: string;
  name: string;
  apiKeys: ContractOrgApiKey[];
  /** Cloud ids of the org's sites (its workspaces). */
  cloudIds: string[];
  roleAssignments: ContractRoleAssignment[];
  /** false: the plan has no audit-log API (no Atlassian Guard): the events endpoint answers 403. */
  auditLogApi: boolean;
  events: ContractOrgEvent[];
}

export interface ContractAdminSite {
  cloudId: string;
  name: string;
  url: string;
  products: string[];
}

export interface ContractAdminUser {
  accountId: string;
  email: string;
  name: string;
  nickname?: string;
}

const PAGE_SIZE = 2; // small, so every client walks cursors in tests
const EVENTS_LIMIT_PER_MINUTE = 10;

const SCOPES = {
  workspaces: 'read:workspaces:admin',
  directories: 'read:directories:admin',
  events: 'read:events:admin',
  orgs: 'read:orgs:admin',
} as const;

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8', ...headers });
  res.end(JSON.stringify(body));
}

function error(
  res: ServerResponse,
  status: number,
  code: string,
  title: string,
  headers: Record<string, string> = {},
) {
  send(res, status, { errors: [{ status: String(status), code, title }] }, headers);
}

const encodeCursor = (offset: number) => Buffer.from(`o:${offset}`).toString('base64url');
function decodeCursor(cursor: string | null): number | undefined {
  if (!cursor) return 0;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^o:(\d+)$/.exec(text);
  return match ? Number(match[1]) : undefined;
}

function page<T>(items: T[], cursor: string | null, limit: number) {
  const offset = decodeCursor(cursor);
  if (offset === undefined) return undefined;
  const size = Math.max(1, Math.min(limit, PAGE_SIZE));
  const slice = items.slice(offset, offset + size);
  const next = offset + size < items.length ? encodeCursor(offset + size) : null;
  return {
    slice,
    next,
    self: encodeCursor(offset),
    prev: offset > 0 ? encodeCursor(Math.max(0, offset - size)) : null,
  };
}

export const siteAri = (cloudId: string) => `ari:cloud:jira::site/${cloudId}`;
export const orgAri = (orgId: string) => `ari:cloud:platform::org/${orgId}`;

export function defaultContractOrg(
  cloudIds: { acme: string; acmeSandbox: string },
  accountIds: { ada: string; sam: string },
): ContractOrg {
  return {
    id: CONTRACT_ORG_ID,
    name: 'Acme Corp',
    apiKeys: [{ key: CONTRACT_ORG_KEY }],
    cloudIds: [cloudIds.acme, cloudIds.acmeSandbox],
    roleAssignments: [
      { accountId: accountIds.ada, role: 'atlassian/org-admin' },
      { accountId: accountIds.sam, role: 'atlassian/site-admin', cloudId: cloudIds.acmeSandbox },
      { accountId: accountIds.sam, role: 'atlassian/user', cloudId: cloudIds.acme },
    ],
    auditLogApi: true,
    events: [],
  };
}

export interface AdminContract {
  /** Answers a request under /admin/; false when the path is not an admin API path. */
  handle(path: string, url: URL, req: IncomingMessage, res: ServerResponse, body: string): boolean;
  orgs: Map<string, ContractOrg>;
  upsertOrg(org: ContractOrg): void;
  addEvent(orgId: string, event: ContractOrgEvent): void;
  setRoleAssignments(orgId: string, assignments: ContractRoleAssignment[]): void;
  reset(): void;
}

export function createAdminContract(
  initialOrgs: ContractOrg[],
  sites: () => Map<string, ContractAdminSite>,
  users: () => Map<string, ContractAdminUser>,
): AdminContract {
  const copy = (orgs: ContractOrg[]) => new Map(orgs.map((org) => [org.id, structuredClone(org)]));
  let orgs = copy(initialOrgs);
  // Per path, the times of the events-endpoint requests of the last minute.
  const eventCalls = new Map<string, number[]>();

  function keyOf(req: IncomingMessage): ContractOrgApiKey | undefined {
    const match = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '');
    if (!match?.[1]) return undefined;
    for (const org of orgs.values()) {
      const found = org.apiKeys.find((key) => key.key === match[1]);
      if (found) return found;
    }
    return undefined;
  }

  const hasScope = (key: ContractOrgApiKey, scope: string) =>
    key.scopes === undefined || key.scopes.includes(scope);

  function workspace(cloudId: string) {
    const site = sites().get(cloudId);
    if (!site) return undefined;
    return {
      id: cloudId,
      type: 'workspaces',
      attributes: {
        name: site.name,
        typeKey:
          site.products.includes('confluence') && !site.products.includes('jira')
            ? 'confluence'
            : 'jira-software',
        type: 'site',
        owner: null,
        status: 'online',
        hostUrl: site.url,
      },
      links: { self: `/admin/v2/orgs/workspaces/${cloudId}` },
    };
  }

  function handle(path: string, url: URL, req: IncomingMessage, res: ServerResponse, body: string): boolean {
    const match = /^\/admin\/(v1|v2)\/orgs\/([^/]+)(\/.*)?$/.exec(path);
    if (!match) return false;
    const [, version, rawOrgId, rest = ''] = match;
    const key = keyOf(req);
    if (!key) return (error(res, 401, 'unauthorized', 'Unauthorized'), true);
    const org = orgs.get(decodeURIComponent(rawOrgId ?? ''));
    // A key belongs to one organization: another org id is "not found" to it.
    if (!org || !org.apiKeys.includes(key))
      return (error(res, 404, 'org-not-found', 'Organization not found'), true);
    const limit = Number(url.searchParams.get('limit') ?? PAGE_SIZE) || PAGE_SIZE;

    if (version === 'v1' && rest === '' && req.method === 'GET') {
      send(res, 200, {
        data: {
          id: org.id,
          type: 'orgs',
          attributes: { name: org.name },
          relationships: { domains: { links: { related: '' } }, users: { links: { related: '' } } },
          links: { self: `/admin/v1/orgs/${org.id}` },
        },
      });
      return true;
    }

    if (version === 'v2' && rest === '/workspaces' && req.method === 'POST') {
      if (!hasScope(key, SCOPES.workspaces))
        return (error(res, 403, 'forbidden', 'Missing scope read:workspaces:admin'), true);
      let request: { cursor?: string; limit?: number } = {};
      try {
        request = body ? (JSON.parse(body) as typeof request) : {};
      } catch {
        return (error(res, 400, 'invalid-request', 'Invalid body'), true);
      }
      const all = org.cloudIds.map(workspace).filter((w) => w !== undefined);
      const result = page(all, request.cursor ?? null, request.limit ?? PAGE_SIZE);
      if (!result) return (error(res, 400, 'invalid-cursor', 'Invalid page cursor'), true);
      send(res, 200, {
        data: result.slice,
        links: { self: result.self, prev: result.prev, next: result.next },
        meta: { pageSize: result.slice.length, total: all.length },
      });
      return true;
    }

    const usersPath = /^\/directories\/([^/]+)\/users$/.exec(rest);
    if (version === 'v2' && usersPath && req.method === 'GET') {
      if (!hasScope(key, SCOPES.directories))
        return (error(res, 403, 'forbidden', 'Missing scope read:directories:admin'), true);
      const roleIds = url.searchParams.getAll('roleIds');
      const accountIds = [
        ...new Set(
          org.roleAssignments
            .filter((a) => roleIds.length === 0 || roleIds.includes(a.role))
            .map((a) => a.accountId),
        ),
      ];
      const listed = accountIds
        .map((id) => users().get(id))
        .filter((u) => u !== undefined)
        .map((u) => ({
          accountId: u.accountId,
          accountType: 'atlassian',
          accountStatus: 'active',
          membershipStatus: 'active',
          name: u.name,
          nickname: u.nickname ?? u.name,
          email: u.email,
          emailVerified: true,
          platformRoles: [
            ...new Set(
              org.roleAssignments
                .filter(
                  (a) =>
                    a.accountId === u.accountId &&
                    a.role !== 'atlassian/user' &&
                    a.role !== 'atlassian/guest' &&
                    a.role !== 'atlassian/admin',
                )
                .map((a) => a.role),
            ),
          ],
          links: { self: u.accountId },
        }));
      const result = page(listed, url.searchParams.get('cursor'), limit);
      if (!result) return (error(res, 400, 'invalid-cursor', 'Invalid page cursor'), true);
      send(res, 200, {
        data: result.slice,
        links: { self: result.self, prev: result.prev, next: result.next },
      });
      return true;
    }

    const assignmentsPath = /^\/directories\/([^/]+)\/users\/([^/]+)\/role-assignments$/.exec(rest);
    if (version === 'v2' && assignmentsPath && req.method === 'GET') {
      if (!hasScope(key, SCOPES.directories))
        return (error(res, 403, 'forbidden', 'Missing scope read:directories:admin'), true);
      const accountId = decodeURIComponent(assignmentsPath[2] ?? '');
      const byResource = new Map<
        string,
        { resourceId: string; roles: string[]; directoryId: string | null }
      >();
      for (const assignment of org.roleAssignments.filter((a) => a.accountId === accountId)) {
        const resourceId = assignment.cloudId ? siteAri(assignment.cloudId) : orgAri(org.id);
        const entry = byResource.get(resourceId) ?? {
          resourceId,
          roles: [],
          directoryId: assignment.cloudId ? 'dir-1' : null,
        };
        entry.roles.push(assignment.role);
        byResource.set(resourceId, entry);
      }
      const data = [...byResource.values()].map((entry) => ({
        resourceId: entry.resourceId,
        resourceOwner: entry.resourceId.includes('::site/') ? 'jira' : 'platform',
        roles: entry.roles,
        roleAssignments: entry.roles.map((role) => ({ role, roleAssignmentMethods: ['direct'] })),
        directoryId: entry.directoryId,
        userDirectoryStatus: entry.directoryId ? 'active' : null,
      }));
      const result = page(data, url.searchParams.get('cursor'), limit);
      if (!result) return (error(res, 400, 'invalid-cursor', 'Invalid page cursor'), true);
      send(res, 200, {
        data: result.slice,
        links: { self: result.self, prev: result.prev, next: result.next },
      });
      return true;
    }

    if (version === 'v1' && rest === '/events' && req.method === 'GET') {
      const now = Date.now();
      const recent = (eventCalls.get(path) ?? []).filter((at) => now - at < 60_000);
      if (recent.length >= EVENTS_LIMIT_PER_MINUTE) {
        const retryAfter = Math.max(1, Math.ceil((60_000 - (now - recent[0]!)) / 1000));
        eventCalls.set(path, recent);
        return (
          error(res, 429, 'rate-limited', 'Too many requests', { 'retry-after': String(retryAfter) }),
          true
        );
      }
      recent.push(now);
      eventCalls.set(path, recent);
      if (!hasScope(key, SCOPES.events) || !org.auditLogApi)
        return (
          error(res, 403, 'forbidden', 'The audit log API is not available to this organization or key'),
          true
        );
      const from = Number(url.searchParams.get('from') ?? 0);
      const cursorParam = url.searchParams.get('cursor');
      // A cursor carries the query it came from: decode "from" out of it.
      let since = from;
      let offsetCursor: string | null = null;
      if (cursorParam) {
        const [fromPart, offsetPart] = Buffer.from(cursorParam, 'base64url').toString('utf8').split('|');
        since = Number(fromPart);
        offsetCursor = offsetPart ?? null;
        if (!Number.isFinite(since) || !offsetCursor)
          return (error(res, 400, 'invalid-cursor', 'Invalid page cursor'), true);
      }
      const matching = org.events
        .filter((event) => Date.parse(event.time) >= since)
        .sort((a, b) => a.time.localeCompare(b.time));
      const result = page(matching, offsetCursor, limit);
      if (!result) return (error(res, 400, 'invalid-cursor', 'Invalid page cursor'), true);
      const wrap = (offset: string) => Buffer.from(`${since}|${offset}`).toString('base64url');
      const next = result.next ? wrap(result.next) : null;
      send(res, 200, {
        data: result.slice.map((event) => ({
          id: event.id,
          type: 'events',
          attributes: {
            time: event.time,
            action: event.action,
            actor: { id: event.actor.id, name: event.actor.name, links: { self: '' } },
            context: event.context,
            container: event.container ?? [],
            location: { ip: '192.0.2.1' },
          },
          links: { self: `/admin/v1/orgs/${org.id}/events/${event.id}` },
        })),
        meta: { next, page_size: result.slice.length },
        links: {
          self: `/admin/v1/orgs/${org.id}/events${url.search}`,
          ...(next ? { next: `/admin/v1/orgs/${org.id}/events?cursor=${next}` } : {}),
        },
      });
      return true;
    }

    error(res, 404, 'not-found', 'Not Found');
    return true;
  }

  return {
    handle,
    get orgs() {
      return orgs;
    },
    upsertOrg: (org) => {
      orgs.set(org.id, structuredClone(org));
    },
    addEvent: (orgId, event) => {
      orgs.get(orgId)?.events.push(structuredClone(event));
    },
    setRoleAssignments: (orgId, assignments) => {
      const org = orgs.get(orgId);
      if (org) org.roleAssignments = structuredClone(assignments);
    },
    reset: () => {
      orgs = copy(initialOrgs);
      eventCalls.clear();
    },
  };
}
