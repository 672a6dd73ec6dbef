import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import AtlassianProvider from 'next-auth/providers/atlassian';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getConfig, type Config } from '@/lib/config';
import { getDb } from '@/lib/db/client';
import type { Executor } from '@/lib/db/types';
import type { Locale } from '@/lib/i18n/locales';
import { logger } from '@/lib/log';
import { refreshSessionTokenIfDue } from './refresh-session-token';
import { safeCallbackPath } from './safe-callback';
import {
  SESSION_MAX_AGE_SECONDS,
  isAcceptedSession,
  isGreenlightToken,
  type GreenlightToken,
} from './session-token';
import { upsertSignedInUser, type SignedInUser } from './upsert-signed-in-user';
import { setUserLocale } from './user-locale';

/** What the browser receives from /api/auth/session: identity only, never a token. */
export interface BrowserSession {
  user: { id: string; name: string; email: string };
  expires: string;
  /** "session_expired" tells the UI to ask the user to sign in again. */
  error?: 'session_expired';
}

/**
 * How demo sign-in finds a seeded person by e-mail (null for anyone else). lib/demo answers it;
 * the next-auth route hands it in, because lib/demo sits above the domain and lib/auth below it.
 */
export type FindDemoUser = (db: Executor, email: string) => Promise<SignedInUser | null>;

interface AtlassianProfile {
  account_id: string;
  email: string;
  name: string;
}

function providersFor(config: Config, findDemoUser: FindDemoUser): NextAuthOptions['providers'] {
  const providers: NextAuthOptions['providers'] = [];
  if (config.ATLASSIAN_CLIENT_ID && config.ATLASSIAN_CLIENT_SECRET) {
    const authUrl = config.ATLASSIAN_AUTH_URL.replace(/\/+$/, '');
    const apiUrl = config.ATLASSIAN_API_URL.replace(/\/+$/, '');
    providers.push(
      AtlassianProvider({
        clientId: config.ATLASSIAN_CLIENT_ID,
        clientSecret: config.ATLASSIAN_CLIENT_SECRET,
        authorization: {
          url: `${authUrl}/authorize`,
          params: { audience: 'api.atlassian.com', prompt: 'consent', scope: config.ATLASSIAN_SCOPES },
        },
        token: `${authUrl}/oauth/token`,
        userinfo: `${apiUrl}/me`,
        checks: ['state'],
      }),
    );
  }
  if (config.demoSignIn) {
    providers.push(
      CredentialsProvider({
        id: 'demo',
        name: 'Demo account',
        credentials: { email: { label: 'Email', type: 'email' } },
        async authorize(credentials) {
          const email = typeof credentials?.email === 'string' ? credentials.email : '';
          const user = await findDemoUser(await getDb(), email);
          return user ? { id: user.id, email: user.email, name: user.name, accountId: user.accountId } : null;
        },
      }),
    );
  }
  return providers;
}

async function tokenForSignIn(
  account: { provider: string; access_token?: string; refresh_token?: string; expires_at?: number },
  user: { id: string; email?: string | null; name?: string | null; accountId?: string },
  profile: unknown,
): Promise<GreenlightToken> {
  if (account.provider === 'atlassian') {
    const me = profile as Partial<AtlassianProfile> | undefined;
    if (!me?.account_id || !account.access_token || !account.refresh_token || !account.expires_at) {
      // Without offline_access there is no refresh token, and the session would silently die in an hour.
      throw new Error(
        'Atlassian sign-in returned no profile or no refresh token (is offline_access in ATLASSIAN_SCOPES?)',
      );
    }
    const stored = await upsertSignedInUser(await getDb(), {
      accountId: me.account_id,
      email: me.email ?? '',
      name: me.name ?? me.email ?? 'Atlassian user',
    });
    return {
      sub: stored.id,
      userId: stored.id,
      accountId: stored.accountId,
      email: stored.email,
      name: stored.name,
      source: 'atlassian',
      atlassian: {
        accessToken: account.access_token,
        refreshToken: account.refresh_token,
        expiresAt: account.expires_at,
      },
    };
  }
  return {
    sub: user.id,
    userId: user.id,
    accountId: user.accountId ?? user.id,
    email: user.email ?? '',
    name: user.name ?? '',
    source: 'local',
  };
}

/**
 * `signInLocale`: the language the person is browsing in when they sign in (the next-auth route
 * reads it from the request), remembered as their locale for e-mails and notifications.
 */
export function buildAuthOptions(
  config: Config,
  findDemoUser: FindDemoUser,
  signInLocale?: Locale,
): NextAuthOptions {
  return {
    secret: config.authSecret,
    providers: providersFor(config, findDemoUser),
    // Stateless sessions: replicas share nothing but NEXTAUTH_SECRET.
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
    // HttpOnly and SameSite=Lax are next-auth's defaults; Secure (and __Secure- names) under https.
    useSecureCookies: config.secureCookies,
    pages: { signIn: '/signin', error: '/signin' },
    callbacks: {
      async jwt({ token, user, account, profile }) {
        if (account && user) {
          const signedIn = await tokenForSignIn(
            account,
            user as typeof user & { accountId?: string },
            profile,
          );
          if (signInLocale) await setUserLocale(await getDb(), signedIn.userId, signInLocale);
          return signedIn;
        }
        if (!isGreenlightToken(token)) return token;
        return (await refreshSessionTokenIfDue(token)).token;
      },
      async session({ session, token }): Promise<BrowserSession> {
        // A demo session while demo sign-in is off is no session (isAcceptedSession).
        const greenlight = isGreenlightToken(token) && isAcceptedSession(token) ? token : undefined;
        // Built field by field: nothing from the token (Atlassian tokens) reaches the browser by accident.
        return {
          user: {
            id: greenlight?.userId ?? '',
            name: greenlight?.name ?? '',
            email: greenlight?.email ?? '',
          },
          expires: session.expires,
          ...(!greenlight || greenlight.error ? { error: 'session_expired' as const } : {}),
        };
      },
      async redirect({ url, baseUrl }) {
        return `${baseUrl}${safeCallbackPath(url, baseUrl)}`;
      },
    },
    logger: {
      error: (code) => logger.error({ code }, 'next-auth error'),
      warn: (code) => logger.warn({ code }, 'next-auth warning'),
      debug: () => undefined,
    },
  };
}

let cached: { config: Config; byLocale: Map<Locale | undefined, NextAuthOptions> } | undefined;

/** Built on first use (never at build time), once per configuration and sign-in language. */
export function getAuthOptions(findDemoUser: FindDemoUser, signInLocale?: Locale): NextAuthOptions {
  const config = getConfig();
  if (cached?.config !== config) cached = { config, byLocale: new Map() };
  let options = cached.byLocale.get(signInLocale);
  if (!options) {
    options = buildAuthOptions(config, findDemoUser, signInLocale);
    cached.byLocale.set(signInLocale, options);
  }
  return options;
}
