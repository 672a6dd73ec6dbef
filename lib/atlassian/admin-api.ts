import 'server-only';
import type { z } from 'zod';
import { AppError } from '@/lib/errors';
import {
  adminDirectoryUserPageSchema,
  adminEventPageSchema,
  adminOrgSchema,
  adminRoleAssignmentPageSchema,
  adminWorkspacePageSchema,
  type AdminDirectoryUser,
  type AdminEventPage,
  type AdminRoleAssignment,
  type AdminWorkspace,
} from './admin-schemas';
import {
  badResponseError,
  createAtlassianHttpClient,
  mapUpstreamFailure,
  type AtlassianHttpOptions,
  type UpstreamResponse,
} from './http';

// Typed calls to Atlassian's Organizations REST API with an organization API key (Authorization:
// Bearer <key>). Same timeouts, retries, Retry-After handling and error mapping as the 3LO client
// (http.ts); the key is never put in a message, a log line or an error. Paths and parameters as
// documented at developer.atlassian.com/cloud/admin/organization/rest and in the jira.js admin
// client; what could not be confirmed is marked UNCONFIRMED.

export interface AtlassianAdminApiOptions extends AtlassianHttpOptions {
  /** ATLASSIAN_ADMIN_API_URL, e.g. https://api.atlassian.com/admin */
  adminApiUrl: string;
  apiKey: string;
  /** Stop after this many pages of one listing (a safety net against a cursor that never ends). */
  maxPages?: number;
}

/** Role ids of the Organizations API (confirmed in the jira.js admin client's RoleId values). */
export const ADMIN_ROLE_IDS = {
  orgAdmin: 'atlassian/org-admin',
  siteAdmin: 'atlassian/site-admin',
  userAccessAdmin: 'atlassian/user-access-admin',
  appAdmin: 'atlassian/admin',
  user: 'atlassian/user',
  guest: 'atlassian/guest',
} as const;

export interface AtlassianAdminApi {
  /** GET /v1/orgs/{orgId}: the org's name; 401 bad key, 404 unknown org. */
  getOrg(orgId: string): Promise<{ id: string; name: string }>;
  /** POST /v2/orgs/{orgId}/workspaces, every page (scope read:workspaces:admin). */
  listWorkspaces(orgId: string): Promise<AdminWorkspace[]>;
  /** GET /v2/orgs/{orgId}/directories/-/users?roleIds=…, every page (scope read:directories:admin). */
  listUsersWithRoles(orgId: string, roleIds: readonly string[]): Promise<AdminDirectoryUser[]>;
  /** GET /v2/orgs/{orgId}/directories/-/users/{accountId}/role-assignments, every page. */
  listRoleAssignments(orgId: string, accountId: string): Promise<AdminRoleAssignment[]>;
  /** GET /v1/orgs/{orgId}/events: ONE page (10 requests a minute per path: the caller paces). */
  getEventsPage(
    orgId: string,
    query: { cursor?: string; from?: Date; limit?: number },
  ): Promise<{ page: AdminEventPage; nextCursor: string | undefined }>;
}

// Org ids and account ids are opaque; this keeps a crafted one from walking the path.
const PATH_SEGMENT = /^[A-Za-z0-9:_-]{1,128}$/;

function segment(value: string, what: string): string {
  if (!PATH_SEGMENT.test(value)) throw new AppError('invalid_input', `That is not a valid ${what}.`);
  return encodeURIComponent(value);
}

/**
 * The next page's cursor from `links.next`: v2 directory calls send the cursor itself
 * (LinkPageCursor); v1 and workspaces document "URL to fetch the next page" (LinkPageModel).
 * Whether that is a full URL or a cursor is UNCONFIRMED, so both are read.
 */
export function cursorFromNext(next: string | null | undefined): string | undefined {
  if (!next) return undefined;
  if (/^(https?:)?\//.test(next)) {
    const cursor = new URL(next, 'https://api.atlassian.com').searchParams.get('cursor');
    return cursor ?? undefined;
  }
  return next;
}

/** Admin API refusals: 401 and 403 are about the key (the admin's input), not the user's sign-in. */
export function mapAdminFailure(response: UpstreamResponse, label: string): AppError {
  if (response.status === 401) {
    return new AppError(
      'org_api_key_invalid',
      `Atlassian did not accept the organization API key while reading ${label}. Check that the key is current and belongs to this organization.`,
    );
  }
  if (response.status === 403) {
    return new AppError(
      'org_api_forbidden',
      `Atlassian refused ${label} to this API key: it lacks the scope, or the organization's plan does not include this API.`,
    );
  }
  if (response.status === 404) {
    return new AppError(
      'org_api_org_not_found',
      `Atlassian does not know this organization (reading ${label}).`,
    );
  }
  return mapUpstreamFailure(response, label);
}

export function createAtlassianAdminApi(options: AtlassianAdminApiOptions): AtlassianAdminApi {
  const { adminApiUrl, apiKey, maxPages = 50, ...httpOptions } = options;
  const http = createAtlassianHttpClient(httpOptions);
  const base = adminApiUrl.replace(/\/+$/, '');
  const headers = { authorization: `Bearer ${apiKey}`, accept: 'application/json' };

  async function call<T>(
    url: string,
    schema: z.ZodType<T, z.ZodTypeDef, unknown>,
    label: string,
    body?: unknown,
  ): Promise<T> {
    const response = await http.send(
      url,
      body === undefined
        ? { method: 'GET', headers }
        : {
            method: 'POST',
            headers: { ...headers, 'content-type': 'application/json' },
            body: JSON.stringify(body),
          },
      // The workspaces POST is a query, not a change: safe to repeat.
      { idempotent: true, label },
    );
    if (response.status < 200 || response.status >= 300) throw mapAdminFailure(response, label);
    let parsed: unknown;
    try {
      parsed = JSON.parse(response.text);
    } catch {
      throw badResponseError(label);
    }
    const result = schema.safeParse(parsed);
    if (!result.success) throw badResponseError(label);
    return result.data;
  }

  async function allPages<T>(
    fetchPage: (
      cursor: string | undefined,
    ) => Promise<{ data: T[]; links?: { next?: string | null } | undefined }>,
  ): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < maxPages; page++) {
      const answer = await fetchPage(cursor);
      items.push(...answer.data);
      const next = cursorFromNext(answer.links?.next);
      if (!next || next === cursor) return items;
      cursor = next;
    }
    return items;
  }

  const query = (params: Record<string, string | readonly string[] | undefined>) => {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) {
      if (value === undefined) continue;
      // Arrays as repeated parameters (roleIds=a&roleIds=b): UNCONFIRMED against comma-separated.
      for (const item of typeof value === 'string' ? [value] : value) search.append(name, item);
    }
    const text = search.toString();
    return text ? `?${text}` : '';
  };

  return {
    async getOrg(orgId) {
      const answer = await call(
        `${base}/v1/orgs/${segment(orgId, 'organization id')}`,
        adminOrgSchema,
        'the organization',
      );
      return { id: answer.data.id, name: answer.data.attributes?.name ?? answer.data.id };
    },

    listWorkspaces(orgId) {
      const org = segment(orgId, 'organization id');
      return allPages((cursor) =>
        call(`${base}/v2/orgs/${org}/workspaces`, adminWorkspacePageSchema, "the organization's sites", {
          limit: 100,
          ...(cursor ? { cursor } : {}),
        }),
      );
    },

    listUsersWithRoles(orgId, roleIds) {
      const org = segment(orgId, 'organization id');
      // "-" widens the call to every directory the key may manage (jira.js: getDirectoryUsers).
      return allPages((cursor) =>
        call(
          `${base}/v2/orgs/${org}/directories/-/users${query({ roleIds, limit: '100', cursor })}`,
          adminDirectoryUserPageSchema,
          "the organization's admins",
        ),
      );
    },

    listRoleAssignments(orgId, accountId) {
      const org = segment(orgId, 'organization id');
      const account = segment(accountId, 'account id');
      return allPages((cursor) =>
        call(
          `${base}/v2/orgs/${org}/directories/-/users/${account}/role-assignments${query({ limit: '100', cursor })}`,
          adminRoleAssignmentPageSchema,
          "an admin's role assignments",
        ),
      );
    },

    async getEventsPage(orgId, { cursor, from, limit = 100 }) {
      const org = segment(orgId, 'organization id');
      // A cursor carries the rest of the query (as for v2 cursors); `from` is epoch milliseconds
      // (UNCONFIRMED: ms against ISO-8601; the documented examples use epoch ms).
      const params = cursor
        ? { cursor }
        : { from: from ? String(from.getTime()) : undefined, limit: String(limit) };
      const page = await call(
        `${base}/v1/orgs/${org}/events${query(params)}`,
        adminEventPageSchema,
        "the organization's audit log",
      );
      return { page, nextCursor: page.meta?.next ?? cursorFromNext(page.links?.next) };
    },
  };
}
