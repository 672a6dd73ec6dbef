import { encode } from 'next-auth/jwt';
import { getConfig } from '@/lib/config';
import { DEMO_USERS } from '@/lib/demo/seed-demo';
import type { GreenlightToken } from '@/lib/auth/session-token';

export type DemoUserKey = 'ada' | 'sam' | 'nora' | 'gus';

export function demoUser(key: DemoUserKey) {
  const user = DEMO_USERS.find((candidate) => candidate.id === `user-${key}`);
  if (!user) throw new Error(`no demo user ${key}`);
  return user;
}

/** A real next-auth session token, encrypted with the configured secret, as the browser holds it. */
async function sessionTokenFor(key: DemoUserKey, extra: Partial<GreenlightToken> = {}): Promise<string> {
  const user = demoUser(key);
  const token: GreenlightToken = {
    sub: user.id,
    userId: user.id,
    accountId: user.accountId,
    email: user.email,
    name: user.name,
    source: 'local',
    ...extra,
  };
  return encode({ token, secret: getConfig().authSecret });
}

/** A Cookie header carrying the signed-in session of a demo user. */
export async function sessionCookieFor(
  key: DemoUserKey,
  extra: Partial<GreenlightToken> = {},
): Promise<string> {
  return `next-auth.session-token=${await sessionTokenFor(key, extra)}`;
}
