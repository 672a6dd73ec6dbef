import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, beforeEach, vi } from 'vitest';
import type { GreenlightToken } from '@/lib/auth/session-token';
import { upsertSignedInUser, type SignedInUser } from '@/lib/auth/upsert-signed-in-user';
import { getConfig, resetConfigForTests } from '@/lib/config';
import { setDatabaseForTests, type DatabaseHandle } from '@/lib/db/client';
import { pgliteBackend } from './test-database';
import { seedDemo } from '@/lib/demo/seed-demo';
import { forgetDirectoryCacheForTests } from '@/lib/directory/directory-for-session';
import { createMemoryRateLimiter, setRateLimiterForTests } from '@/lib/http/rate-limit';
import { startAtlassianContractServer, type AtlassianContractServer } from './atlassian-contract-server';

export interface AtlassianProfile {
  accountId: string;
  email: string;
  name: string;
}

export interface AtlassianSignIn {
  /** The session token, decoded. */
  token: GreenlightToken;
  /** The encoded session token (the cookie's value). */
  raw: string;
  /** `next-auth.session-token=…`, for a Cookie header. */
  cookie: string;
  tokens: ReturnType<AtlassianContractServer['issueTokens']>;
  user: SignedInUser;
}

export interface AtlassianModeSuite {
  readonly server: AtlassianContractServer;
  readonly handle: DatabaseHandle;
  /**
   * What an Atlassian sign-in leaves behind: tokens from the contract server, the user row, and
   * the session cookie. The access token expires at `expiresAt` (epoch seconds; an hour from now
   * by default).
   */
  signIn(profile: AtlassianProfile, options?: { expiresAt?: number }): Promise<AtlassianSignIn>;
}

/**
 * For one describe block: Greenlight configured for Atlassian sign-in against a local contract
 * server, on a seeded in-memory database installed as the app's database. Each test starts with
 * the contract server reset, no cached directory and a fresh in-memory rate limiter. Undone after
 * the block.
 */
export function openAtlassianModeSuite(): AtlassianModeSuite {
  let server: AtlassianContractServer | undefined;
  let handle: DatabaseHandle | undefined;
  beforeAll(async () => {
    server = await startAtlassianContractServer();
    vi.stubEnv('ATLASSIAN_CLIENT_ID', server.client.clientId);
    vi.stubEnv('ATLASSIAN_CLIENT_SECRET', server.client.clientSecret);
    vi.stubEnv('ATLASSIAN_AUTH_URL', server.url);
    vi.stubEnv('ATLASSIAN_API_URL', server.url);
    resetConfigForTests();
    handle = await pgliteBackend.open();
    await seedDemo(handle.db);
    setDatabaseForTests(handle);
  });
  beforeEach(() => {
    server?.reset();
    forgetDirectoryCacheForTests();
    setRateLimiterForTests(createMemoryRateLimiter());
  });
  afterAll(async () => {
    setRateLimiterForTests(undefined);
    setDatabaseForTests(undefined);
    await handle?.close();
    await server?.close();
    vi.unstubAllEnvs();
    resetConfigForTests();
  });
  const opened = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the Atlassian-mode suite is open only inside tests');
    return value;
  };
  return {
    get server() {
      return opened(server);
    },
    get handle() {
      return opened(handle);
    },
    async signIn(profile, options = {}) {
      const tokens = opened(server).issueTokens(profile.email);
      const user = await upsertSignedInUser(opened(handle).db, profile);
      const token: GreenlightToken = {
        sub: user.id,
        userId: user.id,
        accountId: user.accountId,
        email: user.email,
        name: user.name,
        source: 'atlassian',
        atlassian: {
          accessToken: tokens.access_token,
          refreshToken: tokens.refresh_token!,
          expiresAt: options.expiresAt ?? Math.floor(Date.now() / 1000) + 3600,
        },
      };
      const raw = await encode({ token, secret: getConfig().authSecret });
      return { token, raw, cookie: `next-auth.session-token=${raw}`, tokens, user };
    },
  };
}
