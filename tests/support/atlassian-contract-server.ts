import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import {
  createAdminContract,
  defaultContractOrg,
  type ContractOrg,
  type ContractOrgEvent,
  type ContractRoleAssignment,
} from './atlassian-admin-contract';

// A local stand-in for auth.atlassian.com and api.atlassian.com that speaks the documented
// shapes in ../shared/domain/atlassian-facts.md, for tests only. One server plays both hosts,
// so point ATLASSIAN_AUTH_URL and ATLASSIAN_API_URL at the same `url`.
//
// The Organizations REST API (api.atlassian.com/admin, organization API keys) lives in
// atlassian-admin-contract.ts and is served under /admin/ by the same server.
//
// Deliberately absent: any "connected apps" or app-approval endpoint. Atlassian has no public API
// for that, and faking one would let Greenlight depend on something that does not exist.
//
// Self-contained (node built-ins only) so it can run under tsx as a separate process and so it
// never shares logic with the code it tests.

export type ContractProduct = 'jira' | 'confluence' | 'jsm';

export interface ContractSite {
  cloudId: string;
  name: string;
  /** https://acme.atlassian.net */
  url: string;
  products: ContractProduct[];
  avatarUrl?: string;
}

export interface ContractMembership {
  cloudId: string;
  /** Jira global permission ADMINISTER. */
  jiraAdmin?: boolean;
  /** Confluence operation administer/application. */
  confluenceAdmin?: boolean;
}

export interface ContractUser {
  accountId: string;
  email: string;
  name: string;
  nickname?: string;
  picture?: string;
  sites: ContractMembership[];
}

export interface ContractClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

export type FaultKind =
  | 'rate-limited' // 429 with Retry-After (and Jira's X-RateLimit-* headers on /ex/jira)
  | 'server-error' // 500
  | 'unavailable' // 503, with Retry-After when retryAfterSeconds is set
  | 'slow' // answers normally after delayMs (default 6,000 ms: past the 5 s client timeout)
  | 'scope-mismatch' // 401 {"code":401,"message":"Unauthorized; scope does not match"}
  | 'token-invalid' // 401 {"code":401,"message":"Unauthorized"}
  | 'malformed'; // 200 with a body in no documented shape

export interface FaultSpec {
  kind: FaultKind;
  /**
   * Pathname prefix the fault applies to, e.g. "/ex/jira" or "/me". Without it the fault applies to
   * every API route (/me, /oauth/token/accessible-resources, /ex/...), never to /authorize or
   * /oauth/token, so a global fault does not break sign-in itself.
   */
  path?: string;
  /** Applies to this many matching requests, then clears itself (default: until cleared). */
  times?: number;
  retryAfterSeconds?: number;
  delayMs?: number;
}

/**
 * consent: sign the user in and redirect with code and state.
 * access_denied: the user cancelled (standard OAuth; UNCONFIRMED for Atlassian).
 * site-admin-must-authorize: Atlassian's consent screen shows the error and never redirects.
 */
export type AuthorizeMode = 'consent' | 'access_denied' | 'site-admin-must-authorize';

export interface RecordedRequest {
  method: string;
  path: string;
  search: string;
  at: number;
  /** The grant_type of a POST /oauth/token (authorization_code or refresh_token). */
  grantType?: string;
}

export interface ContractServerOptions {
  port?: number;
  host?: string;
  clients?: ContractClient[];
  sites?: ContractSite[];
  users?: ContractUser[];
  /** Who signs in at /authorize when no login_hint is sent (account id, e-mail or nickname; default the first user). */
  defaultUser?: string;
  accessTokenTtlSeconds?: number;
  /**
   * Atlassian tolerates reusing a rotated refresh token for 10 minutes; the fake defaults to no
   * leeway so a client that forgets to store the new token fails in tests, not in production.
   */
  refreshReuseLeewaySeconds?: number;
  /** Organizations behind the admin API (default: Acme with Ada as org admin, Sam site admin of the sandbox). */
  orgs?: ContractOrg[];
}

export interface IssuedTokens {
  access_token: string;
  refresh_token?: string;
  expires_in: number;
  scope: string;
  token_type: 'bearer';
}

export interface AtlassianContractServer {
  /** Base URL; serves as both ATLASSIAN_AUTH_URL and ATLASSIAN_API_URL. */
  readonly url: string;
  readonly client: ContractClient;
  readonly requests: RecordedRequest[];
  countRequests(pathPrefix?: string): number;
  upsertUser(user: ContractUser): void;
  upsertSite(site: ContractSite): void;
  setDefaultUser(accountIdOrEmail: string): void;
  setAuthorizeMode(mode: AuthorizeMode): void;
  addFault(fault: FaultSpec): void;
  clearFaults(): void;
  /** Mints tokens for a user without the browser dance (as if /authorize + code exchange ran). */
  issueTokens(accountIdOrEmail: string, scope?: string): IssuedTokens;
  /** Makes every issued access token expired (the next API call answers 401). */
  expireAccessTokens(): void;
  /** Revokes every issued refresh token (the next refresh answers 403 invalid_grant). */
  revokeRefreshTokens(): void;
  /** The Organizations REST API's state: orgs, their keys, role assignments and audit-log events. */
  readonly admin: {
    upsertOrg(org: ContractOrg): void;
    addEvent(orgId: string, event: ContractOrgEvent): void;
    setRoleAssignments(orgId: string, assignments: ContractRoleAssignment[]): void;
  };
  /** Back to the initial users, sites and mode; faults, tokens and the request log cleared. */
  reset(): void;
  close(): Promise<void>;
}

/**
 * The demo seed's cloud ids (lib/db/seed-demo.ts), copied rather than imported to keep this server
 * self-contained: an Atlassian sign-in against it then lands on the seeded sites and their apps.
 */
export const CONTRACT_CLOUD_IDS = {
  acme: '0f9a3c1e-5b7d-4e2a-9c8f-1a2b3c4d5e01',
  acmeSandbox: '0f9a3c1e-5b7d-4e2a-9c8f-1a2b3c4d5e02',
  globex: '7c6d5e4f-3a2b-4c1d-8e9f-0a1b2c3d4e03',
} as const;

const DEFAULT_CONTRACT_SCOPES = 'read:me offline_access read:jira-work read:jira-user read:confluence-user';

export const DEFAULT_CONTRACT_CLIENT: ContractClient = {
  clientId: 'greenlight-test-client',
  clientSecret: 'greenlight-test-secret',
  redirectUris: [
    'http://localhost:3000/api/auth/callback/atlassian',
    'http://127.0.0.1:3000/api/auth/callback/atlassian',
  ],
};

const AVATAR = 'https://site-admin-avatar-cdn.prod.public.atl-paas.net/avatars/240/rocket.png';

const DEFAULT_CONTRACT_SITES: ContractSite[] = [
  {
    cloudId: CONTRACT_CLOUD_IDS.acme,
    name: 'acme',
    url: 'https://acme.atlassian.net',
    products: ['jira', 'confluence'],
    avatarUrl: AVATAR,
  },
  {
    cloudId: CONTRACT_CLOUD_IDS.acmeSandbox,
    name: 'acme-sandbox',
    url: 'https://acme-sandbox.atlassian.net',
    products: ['jira'],
    avatarUrl: AVATAR,
  },
  {
    cloudId: CONTRACT_CLOUD_IDS.globex,
    name: 'globex',
    url: 'https://globex.atlassian.net',
    products: ['jira', 'jsm'],
    avatarUrl: AVATAR,
  },
];

/** Mirrors the demo seed: Ada administers Acme, Sam the sandbox, Nora is a user, Gus runs Globex. */
const DEFAULT_CONTRACT_USERS: ContractUser[] = [
  {
    accountId: '712020:ada-0000-4000-8000-000000000001',
    email: 'ada@acme.test',
    name: 'Ada Admin',
    nickname: 'ada',
    sites: [
      { cloudId: CONTRACT_CLOUD_IDS.acme, jiraAdmin: true, confluenceAdmin: true },
      { cloudId: CONTRACT_CLOUD_IDS.acmeSandbox, jiraAdmin: true },
    ],
  },
  {
    accountId: '712020:sam-0000-4000-8000-000000000002',
    email: 'sam@acme.test',
    name: 'Sam Sandbox',
    nickname: 'sam',
    sites: [
      { cloudId: CONTRACT_CLOUD_IDS.acme },
      { cloudId: CONTRACT_CLOUD_IDS.acmeSandbox, jiraAdmin: true },
    ],
  },
  {
    accountId: '712020:nora-000-4000-8000-000000000003',
    email: 'nora@acme.test',
    name: 'Nora User',
    nickname: 'nora',
    sites: [{ cloudId: CONTRACT_CLOUD_IDS.acme }],
  },
  {
    accountId: '712020:gus-0000-4000-8000-000000000004',
    email: 'gus@globex.test',
    name: 'Gus Globex',
    nickname: 'gus',
    sites: [{ cloudId: CONTRACT_CLOUD_IDS.globex, jiraAdmin: true }],
  },
];

// Endpoint scope rules, classic or granular (facts §1.5, §3.1, §3.2).
const ME_SCOPES = ['read:me'];
const JIRA_PERMISSION_SCOPES = ['read:jira-work', 'read:permission:jira'];
const CONFLUENCE_USER_SCOPES = ['read:confluence-user', 'read:content-details:confluence'];

const SCOPE_MISMATCH = { code: 401, message: 'Unauthorized; scope does not match' };
const UNAUTHORIZED = { code: 401, message: 'Unauthorized' };
const INVALID_REFRESH = { error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' };
const MAX_BODY_BYTES = 64 * 1024;

interface AccessTokenRecord {
  accountId: string;
  scopes: Set<string>;
  expiresAtMs: number;
}

interface RefreshTokenRecord {
  accountId: string;
  clientId: string;
  scope: string;
  family: string;
  rotatedAtMs?: number;
}

interface CodeRecord {
  accountId: string;
  clientId: string;
  redirectUri: string;
  scope: string;
}

const token = (prefix: string) => `${prefix}_${randomBytes(18).toString('base64url')}`;
const clone = <T>(value: T): T => structuredClone(value);

function productOfScope(scope: string): ContractProduct | undefined {
  if (/servicedesk|service-management|servicemanagement/.test(scope)) return 'jsm';
  if (/confluence/.test(scope)) return 'confluence';
  if (/jira/.test(scope)) return 'jira';
  return undefined;
}

/** Jira's X-RateLimit-Reset format: ISO-8601 `yyyy-MM-ddTHH:mmZ`. */
function rateLimitReset(nowMs: number, seconds: number): string {
  return new Date(nowMs + seconds * 1000).toISOString().slice(0, 16) + 'Z';
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8', ...headers });
  res.end(JSON.stringify(body));
}

function sendHtml(res: ServerResponse, status: number, title: string, text: string): void {
  const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  res.writeHead(status, { 'content-type': 'text/html;charset=UTF-8' });
  res.end(
    `<!doctype html><html><head><title>${escape(title)}</title></head><body><h1>${escape(title)}</h1><p>${escape(text)}</p></body></html>`,
  );
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { location });
  res.end();
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new Error('body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** JSON (Atlassian's documented body) or form-urlencoded (what openid-client sends). */
function parseTokenRequest(req: IncomingMessage, raw: string): Record<string, string> | undefined {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'application/json') {
    try {
      const value: unknown = JSON.parse(raw);
      if (!value || typeof value !== 'object') return undefined;
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>).filter(
          (e): e is [string, string] => typeof e[1] === 'string',
        ),
      );
    } catch {
      return undefined;
    }
  }
  if (type === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams(raw));
  return undefined;
}

/** client_secret_basic (RFC 6749 §2.3.1: each part form-encoded, then base64) or client_secret_post. */
function clientCredentials(req: IncomingMessage, body: Record<string, string>) {
  const header = req.headers.authorization;
  if (header?.toLowerCase().startsWith('basic ')) {
    const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return undefined;
    const decode = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
    return { clientId: decode(decoded.slice(0, colon)), clientSecret: decode(decoded.slice(colon + 1)) };
  }
  if (body.client_id && body.client_secret)
    return { clientId: body.client_id, clientSecret: body.client_secret };
  return undefined;
}

export async function startAtlassianContractServer(
  options: ContractServerOptions = {},
): Promise<AtlassianContractServer> {
  const clients = clone(options.clients ?? [DEFAULT_CONTRACT_CLIENT]);
  const initialSites = clone(options.sites ?? DEFAULT_CONTRACT_SITES);
  const initialUsers = clone(options.users ?? DEFAULT_CONTRACT_USERS);
  const initialDefaultUser = options.defaultUser ?? initialUsers[0]?.accountId ?? '';
  const accessTtlSeconds = options.accessTokenTtlSeconds ?? 3600;
  const leewayMs = (options.refreshReuseLeewaySeconds ?? 0) * 1000;

  let sites = new Map(initialSites.map((s) => [s.cloudId, clone(s)]));
  let users = new Map(initialUsers.map((u) => [u.accountId, clone(u)]));
  let defaultUser = initialDefaultUser;
  let authorizeMode: AuthorizeMode = 'consent';
  let faults: FaultSpec[] = [];
  const accessTokens = new Map<string, AccessTokenRecord>();
  const refreshTokens = new Map<string, RefreshTokenRecord>();
  const revokedFamilies = new Set<string>();
  const codes = new Map<string, CodeRecord>();
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const admin = createAdminContract(
    options.orgs ?? [
      defaultContractOrg(CONTRACT_CLOUD_IDS, {
        ada: initialUsers.find((u) => u.nickname === 'ada')?.accountId ?? '',
        sam: initialUsers.find((u) => u.nickname === 'sam')?.accountId ?? '',
      }),
    ],
    () => sites,
    () => users,
  );

  /** By account id, e-mail or nickname ("ada"), so tests and login_hint stay readable. */
  const findUser = (key: string) =>
    users.get(key) ??
    [...users.values()].find((u) => u.email.toLowerCase() === key.toLowerCase() || u.nickname === key);

  function issueFor(accountId: string, clientId: string, scope: string, family = token('fam')): IssuedTokens {
    const accessToken = token('at');
    accessTokens.set(accessToken, {
      accountId,
      scopes: new Set(scope.split(/\s+/).filter(Boolean)),
      expiresAtMs: Date.now() + accessTtlSeconds * 1000,
    });
    const issued: IssuedTokens = {
      access_token: accessToken,
      expires_in: accessTtlSeconds,
      scope,
      token_type: 'bearer',
    };
    // Refresh tokens only come with offline_access (facts §1.3).
    if (scope.split(/\s+/).includes('offline_access')) {
      const refreshToken = token('rt');
      refreshTokens.set(refreshToken, { accountId, clientId, scope, family });
      issued.refresh_token = refreshToken;
    }
    return issued;
  }

  function takeFault(path: string): FaultSpec | undefined {
    const isApiRoute =
      path === '/me' ||
      path.startsWith('/oauth/token/') ||
      path.startsWith('/ex/') ||
      path.startsWith('/admin/');
    const index = faults.findIndex((f) => (f.path ? path.startsWith(f.path) : isApiRoute));
    const fault = faults[index];
    if (!fault) return undefined;
    if (fault.times !== undefined) {
      fault.times -= 1;
      if (fault.times <= 0) faults.splice(index, 1);
    }
    return fault;
  }

  /** Answers the fault, or returns false when the request should go on (after a delay for `slow`). */
  async function applyFault(fault: FaultSpec, path: string, res: ServerResponse): Promise<boolean> {
    switch (fault.kind) {
      case 'rate-limited': {
        const seconds = fault.retryAfterSeconds ?? 1;
        const headers: Record<string, string> = { 'retry-after': String(seconds) };
        if (path.startsWith('/ex/jira')) {
          Object.assign(headers, {
            'x-ratelimit-limit': '100',
            'x-ratelimit-remaining': '0',
            'x-ratelimit-reset': rateLimitReset(Date.now(), seconds),
            'x-ratelimit-nearlimit': 'true',
            'ratelimit-reason': 'jira-burst-based',
          });
        }
        sendJson(res, 429, { code: 429, message: 'Rate limit exceeded' }, headers);
        return true;
      }
      case 'server-error':
        sendJson(res, 500, { code: 500, message: 'Internal Server Error' });
        return true;
      case 'unavailable':
        sendJson(
          res,
          503,
          { code: 503, message: 'Service Unavailable' },
          fault.retryAfterSeconds !== undefined ? { 'retry-after': String(fault.retryAfterSeconds) } : {},
        );
        return true;
      case 'scope-mismatch':
        sendJson(res, 401, SCOPE_MISMATCH);
        return true;
      case 'token-invalid':
        sendJson(res, 401, UNAUTHORIZED);
        return true;
      case 'malformed':
        sendJson(res, 200, { unexpected: 'shape' });
        return true;
      case 'slow':
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            timers.delete(timer);
            resolve();
          }, fault.delayMs ?? 6_000);
          timers.add(timer);
          // The client gave up: stop waiting, so close() is not held up by dead requests.
          res.once('close', () => {
            clearTimeout(timer);
            timers.delete(timer);
            resolve();
          });
        });
        return res.writableEnded || res.destroyed;
    }
  }

  function authorize(url: URL, res: ServerResponse): void {
    const params = url.searchParams;
    const fail = (error: string, description: string) =>
      redirect(res, `/error?${new URLSearchParams({ error, error_description: description })}`);
    const clientId = params.get('client_id') ?? '';
    const client = clients.find((c) => c.clientId === clientId);
    if (!client) return fail('unauthorized_client', `client_id is not registered: ${clientId}`);
    const redirectUri = params.get('redirect_uri') ?? '';
    // Observed upstream text (facts §1.1); the user lands on Atlassian's error page, not the app.
    if (!client.redirectUris.includes(redirectUri)) {
      return fail('unauthorized_client', `redirect_uri is not registered for client: ${clientId}`);
    }
    if (params.get('audience') !== 'api.atlassian.com')
      return fail('invalid_request', 'audience must be api.atlassian.com');
    if (params.get('response_type') !== 'code')
      return fail('unsupported_response_type', 'response_type must be code');
    if (params.get('prompt') !== 'consent') return fail('invalid_request', 'prompt must be consent');
    const scope = (params.get('scope') ?? '').trim();
    if (!scope) return fail('invalid_scope', 'scope is required');
    const state = params.get('state');
    if (!state) return fail('invalid_request', 'state is required');

    const back = new URL(redirectUri);
    if (authorizeMode === 'access_denied') {
      back.searchParams.set('error', 'access_denied');
      back.searchParams.set('error_description', 'The user denied the request.');
      back.searchParams.set('state', state);
      return redirect(res, back.toString());
    }
    const user = findUser(params.get('login_hint') ?? defaultUser);
    if (!user) return fail('invalid_request', 'unknown user');
    if (authorizeMode === 'site-admin-must-authorize') {
      const site = sites.get(user.sites[0]?.cloudId ?? '');
      const host = site ? new URL(site.url).host : 'your site';
      return sendHtml(
        res,
        200,
        'Authorize app',
        `Your site admin must authorize this app for the site ${host} before the app can access your account.`,
      );
    }
    const code = token('code');
    codes.set(code, { accountId: user.accountId, clientId, redirectUri, scope });
    back.searchParams.set('code', code);
    back.searchParams.set('state', state);
    redirect(res, back.toString());
  }

  async function tokenEndpoint(
    req: IncomingMessage,
    res: ServerResponse,
    recorded: RecordedRequest,
  ): Promise<void> {
    const body = parseTokenRequest(req, await readBody(req));
    if (!body) return sendJson(res, 400, { error: 'invalid_request', error_description: 'Unsupported body' });
    if (body.grant_type) recorded.grantType = body.grant_type;
    const credentials = clientCredentials(req, body);
    const client = clients.find(
      (c) => c.clientId === credentials?.clientId && c.clientSecret === credentials?.clientSecret,
    );
    if (!client) return sendJson(res, 401, { error: 'invalid_client', error_description: 'Unauthorized' });

    if (body.grant_type === 'authorization_code') {
      const record = codes.get(body.code ?? '');
      // Codes are single use.
      codes.delete(body.code ?? '');
      if (!record || record.clientId !== client.clientId || record.redirectUri !== body.redirect_uri) {
        return sendJson(res, 403, {
          error: 'invalid_grant',
          error_description: 'Invalid authorization code',
        });
      }
      return sendJson(res, 200, issueFor(record.accountId, client.clientId, record.scope));
    }

    if (body.grant_type === 'refresh_token') {
      const presented = body.refresh_token ?? '';
      const record = refreshTokens.get(presented);
      if (!record || record.clientId !== client.clientId || revokedFamilies.has(record.family)) {
        return sendJson(res, 403, INVALID_REFRESH);
      }
      const now = Date.now();
      if (record.rotatedAtMs !== undefined && now - record.rotatedAtMs > leewayMs) {
        // Reuse outside the leeway revokes every refresh token of the grant (facts §1.3).
        revokedFamilies.add(record.family);
        return sendJson(res, 403, INVALID_REFRESH);
      }
      record.rotatedAtMs ??= now;
      return sendJson(res, 200, issueFor(record.accountId, client.clientId, record.scope, record.family));
    }

    sendJson(res, 400, { error: 'unsupported_grant_type', error_description: 'Unsupported grant type' });
  }

  function bearer(req: IncomingMessage): AccessTokenRecord | undefined {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer (.+)$/i.exec(header);
    const record = match?.[1] ? accessTokens.get(match[1]) : undefined;
    return record && record.expiresAtMs > Date.now() ? record : undefined;
  }

  function api(path: string, url: URL, req: IncomingMessage, res: ServerResponse): void {
    const grant = bearer(req);
    if (!grant) return sendJson(res, 401, UNAUTHORIZED);
    const user = users.get(grant.accountId);
    if (!user) return sendJson(res, 401, UNAUTHORIZED);
    const hasAny = (scopes: string[]) => scopes.some((s) => grant.scopes.has(s));

    if (path === '/me') {
      if (!hasAny(ME_SCOPES)) return sendJson(res, 401, SCOPE_MISMATCH);
      return sendJson(res, 200, {
        account_type: 'atlassian',
        account_id: user.accountId,
        email: user.email,
        name: user.name,
        picture:
          user.picture ??
          `https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/default/${user.nickname ?? 'user'}.png`,
        account_status: 'active',
        nickname: user.nickname ?? user.name,
        zoneinfo: 'Europe/London',
        locale: 'en-GB',
        extended_profile: {
          job_title: 'Tester',
          organization: user.email,
          department: 'QA',
          location: 'Remote',
        },
      });
    }

    if (path === '/oauth/token/accessible-resources') {
      return sendJson(res, 200, accessibleResources(user, grant.scopes));
    }

    const jira = /^\/ex\/jira\/([^/]+)\/rest\/api\/3\/mypermissions$/.exec(path);
    if (jira) {
      if (!hasAny(JIRA_PERMISSION_SCOPES)) return sendJson(res, 401, SCOPE_MISMATCH);
      const membership = membershipOn(user, decodeURIComponent(jira[1] ?? ''), ['jira', 'jsm']);
      if (!membership) return sendJson(res, 404, { errorMessages: ['Site not found.'], errors: {} });
      const keys = (url.searchParams.get('permissions') ?? '')
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean);
      if (keys.length === 0) {
        return sendJson(res, 400, {
          errorMessages: ['The permissions query parameter is required.'],
          errors: {},
        });
      }
      const permissions: Record<string, unknown> = {};
      for (const key of keys) {
        permissions[key] =
          key === 'ADMINISTER'
            ? {
                id: '0',
                key,
                name: 'Administer Jira',
                type: 'GLOBAL',
                description:
                  'Create and administer projects, issue types, fields, workflows, and schemes for all projects. Users with this permission can perform most administration tasks, except: managing users, importing data, and editing system email settings.',
                havePermission: membership.jiraAdmin === true,
              }
            : { id: '1', key, name: key, type: 'PROJECT', description: key, havePermission: true };
      }
      return sendJson(res, 200, { permissions });
    }

    const confluence = /^\/ex\/confluence\/([^/]+)\/wiki\/rest\/api\/user\/current$/.exec(path);
    if (confluence) {
      if (!hasAny(CONFLUENCE_USER_SCOPES)) return sendJson(res, 401, SCOPE_MISMATCH);
      const membership = membershipOn(user, decodeURIComponent(confluence[1] ?? ''), ['confluence']);
      if (!membership) return sendJson(res, 404, { statusCode: 404, message: 'Site not found.' });
      const expand = (url.searchParams.get('expand') ?? '').split(',');
      const operations = [
        { operation: 'use', targetType: 'application' },
        { operation: 'create', targetType: 'page' },
        ...(membership.confluenceAdmin ? [{ operation: 'administer', targetType: 'application' }] : []),
      ];
      return sendJson(res, 200, {
        type: 'known',
        accountId: user.accountId,
        accountType: 'atlassian',
        email: user.email,
        publicName: user.name,
        profilePicture: { path: '/wiki/aa-avatar/default.png', width: 48, height: 48, isDefault: true },
        displayName: user.name,
        timeZone: 'Europe/London',
        isGuest: false,
        ...(expand.includes('operations') ? { operations } : {}),
        _expandable: { ...(expand.includes('operations') ? {} : { operations: '' }), personalSpace: '' },
        _links: { self: `${url.origin}${path}`, base: `${url.origin}/wiki`, context: '/wiki' },
      });
    }

    sendJson(res, 404, { code: 404, message: 'Not Found' });
  }

  function membershipOn(user: ContractUser, cloudId: string, products: ContractProduct[]) {
    const site = sites.get(cloudId);
    if (!site || !site.products.some((p) => products.includes(p))) return undefined;
    return user.sites.find((m) => m.cloudId === cloudId);
  }

  /**
   * One entry per product the grant covers on each of the user's sites: Jira (with JSM scopes on
   * a JSM site) and Confluence arrive as separate entries with the same id, as Atlassian does.
   */
  function accessibleResources(user: ContractUser, scopes: Set<string>) {
    const granted = [...scopes];
    const entries: { id: string; url: string; name: string; scopes: string[]; avatarUrl?: string }[] = [];
    for (const membership of user.sites) {
      const site = sites.get(membership.cloudId);
      if (!site) continue;
      const groups: ContractProduct[][] = [['jira', 'jsm'], ['confluence']];
      for (const group of groups) {
        const offered = group.filter(
          (p) => site.products.includes(p) || (p === 'jira' && site.products.includes('jsm')),
        );
        const entryScopes = granted.filter((s) => {
          const product = productOfScope(s);
          return product !== undefined && offered.includes(product);
        });
        if (entryScopes.length === 0) continue;
        entries.push({
          id: site.cloudId,
          url: site.url,
          name: site.name,
          scopes: entryScopes,
          ...(site.avatarUrl ? { avatarUrl: site.avatarUrl } : {}),
        });
      }
    }
    return entries;
  }

  async function control(path: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = req.method === 'POST' ? await readBody(req) : '';
    const body: unknown = raw ? JSON.parse(raw) : undefined;
    const done = () => {
      res.writeHead(204);
      res.end();
    };
    if (path === '/__control/reset' && req.method === 'POST') return (reset(), done());
    if (path === '/__control/faults' && req.method === 'POST')
      return (faults.push(body as FaultSpec), done());
    if (path === '/__control/faults' && req.method === 'DELETE') return ((faults = []), done());
    if (path === '/__control/users' && req.method === 'POST')
      return (upsertUser(body as ContractUser), done());
    if (path === '/__control/sites' && req.method === 'POST')
      return (upsertSite(body as ContractSite), done());
    if (path === '/__control/authorize' && req.method === 'POST') {
      const { mode, user } = (body ?? {}) as { mode?: AuthorizeMode; user?: string };
      if (mode) authorizeMode = mode;
      if (user) defaultUser = user;
      return done();
    }
    if (path === '/__control/requests' && req.method === 'GET') return sendJson(res, 200, requests);
    // The admin API: an organization (keys, sites, role assignments), its events, its roles.
    if (path === '/__control/orgs' && req.method === 'POST')
      return (admin.upsertOrg(body as ContractOrg), done());
    if (path === '/__control/orgs/events' && req.method === 'POST') {
      const { orgId, event } = body as { orgId: string; event: ContractOrgEvent };
      return (admin.addEvent(orgId, event), done());
    }
    if (path === '/__control/orgs/roles' && req.method === 'POST') {
      const { orgId, assignments } = body as { orgId: string; assignments: ContractRoleAssignment[] };
      return (admin.setRoleAssignments(orgId, assignments), done());
    }
    // Every access token issued so far answers 401 from now on, as if it had expired early.
    if (path === '/__control/tokens/expire' && req.method === 'POST') return (expireAccessTokens(), done());
    // Every refresh token issued so far gets invalid_grant, as when the user revokes the app's access.
    if (path === '/__control/tokens/revoke' && req.method === 'POST') return (revokeRefreshTokens(), done());
    // Readiness probe for Playwright's webServer.url and other harnesses.
    if (path === '/__control/health' && req.method === 'GET') return sendJson(res, 200, { status: 'ok' });
    sendJson(res, 404, { error: 'unknown control route' });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://contract.local');
    const path = url.pathname;
    if (path.startsWith('/__control/')) return control(path, req, res);
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path,
      search: url.search,
      at: Date.now(),
    };
    requests.push(recorded);

    const fault = takeFault(path);
    if (fault && (await applyFault(fault, path, res))) return;

    if (path === '/authorize' && req.method === 'GET') return authorize(url, res);
    if (path === '/error' && req.method === 'GET') {
      return sendHtml(
        res,
        400,
        'Something went wrong',
        `${url.searchParams.get('error')}: ${url.searchParams.get('error_description')}`,
      );
    }
    if (path === '/oauth/token' && req.method === 'POST') return tokenEndpoint(req, res, recorded);
    if (path.startsWith('/admin/')) {
      const body = req.method === 'POST' ? await readBody(req) : '';
      if (admin.handle(path, url, req, res, body)) return;
    }
    if (req.method === 'GET') return api(path, url, req, res);
    sendJson(res, 405, { code: 405, message: 'Method Not Allowed' });
  }

  function upsertUser(user: ContractUser) {
    users.set(user.accountId, clone(user));
  }
  function upsertSite(site: ContractSite) {
    sites.set(site.cloudId, clone(site));
  }
  function expireAccessTokens() {
    for (const record of accessTokens.values()) record.expiresAtMs = 0;
  }
  function revokeRefreshTokens() {
    for (const record of refreshTokens.values()) revokedFamilies.add(record.family);
  }
  function reset() {
    sites = new Map(initialSites.map((s) => [s.cloudId, clone(s)]));
    users = new Map(initialUsers.map((u) => [u.accountId, clone(u)]));
    defaultUser = initialDefaultUser;
    authorizeMode = 'consent';
    faults = [];
    accessTokens.clear();
    refreshTokens.clear();
    revokedFamilies.clear();
    codes.clear();
    requests.length = 0;
    admin.reset();
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, { code: 500, message: 'Contract server error' });
      else res.destroy();
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}`,
    client: clone(clients[0] ?? DEFAULT_CONTRACT_CLIENT),
    requests,
    countRequests: (prefix) => requests.filter((r) => (prefix ? r.path.startsWith(prefix) : true)).length,
    upsertUser,
    upsertSite,
    setDefaultUser: (idOrEmail) => {
      defaultUser = idOrEmail;
    },
    setAuthorizeMode: (mode) => {
      authorizeMode = mode;
    },
    addFault: (fault) => {
      faults.push({ ...fault });
    },
    clearFaults: () => {
      faults = [];
    },
    issueTokens(idOrEmail, scope = DEFAULT_CONTRACT_SCOPES) {
      const user = findUser(idOrEmail);
      if (!user) throw new Error(`No contract user ${idOrEmail}`);
      return issueFor(user.accountId, clients[0]?.clientId ?? '', scope);
    },
    expireAccessTokens,
    revokeRefreshTokens,
    admin: {
      upsertOrg: admin.upsertOrg,
      addEvent: admin.addEvent,
      setRoleAssignments: admin.setRoleAssignments,
    },
    reset,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
