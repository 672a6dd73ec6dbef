import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { SignedInUser } from '@/lib/auth/upsert-signed-in-user';
import { organizationAdmins, organizations, siteMemberships, sites, users } from '@/lib/db/schema';
import { DEMO_USERS } from './seed-demo';
import type { Executor } from '@/lib/db/types';

/** What a demo person is, for the sign-in page to word in the reader's language. */
export type DemoRole =
  { kind: 'org-admin'; organization: string } | { kind: 'site-admin' | 'user'; site: string };

export interface DemoAccount {
  email: string;
  name: string;
  /** Their organizations and sites, e.g. org admin of Acme Corp, site admin of acme-sandbox. */
  roles: DemoRole[];
}

/** The seeded demo people and what each can do, as the sign-in page lists them. */
export async function listDemoAccounts(db: Executor): Promise<DemoAccount[]> {
  const ids = DEMO_USERS.map((user) => user.id);
  const people = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(inArray(users.id, ids));
  const orgRoles = await db
    .select({ userId: organizationAdmins.userId, organization: organizations.name })
    .from(organizationAdmins)
    .innerJoin(organizations, eq(organizations.id, organizationAdmins.organizationId))
    .where(inArray(organizationAdmins.userId, ids))
    .orderBy(asc(organizations.name));
  const siteRoles = await db
    .select({ userId: siteMemberships.userId, site: sites.name, role: siteMemberships.role })
    .from(siteMemberships)
    .innerJoin(sites, eq(sites.id, siteMemberships.siteId))
    .where(inArray(siteMemberships.userId, ids))
    .orderBy(asc(sites.name));
  const byId = new Map(people.map((person) => [person.id, person]));
  return DEMO_USERS.flatMap((demo) => {
    const person = byId.get(demo.id);
    if (!person) return [];
    const roles: DemoRole[] = [
      ...orgRoles
        .filter((row) => row.userId === demo.id)
        .map((row) => ({ kind: 'org-admin' as const, organization: row.organization })),
      ...siteRoles
        .filter((row) => row.userId === demo.id)
        .map((row) => ({
          kind: row.role === 'site-admin' ? ('site-admin' as const) : ('user' as const),
          site: row.site,
        })),
    ];
    return [{ email: person.email, name: person.name, roles }];
  });
}

/** A seeded demo person by e-mail; anyone else (even an existing user) cannot use demo sign-in. */
export async function findDemoUser(db: Executor, email: string): Promise<SignedInUser | null> {
  const demo = DEMO_USERS.find((user) => user.email === email.trim().toLowerCase());
  if (!demo) return null;
  const [row] = await db
    .select({ id: users.id, accountId: users.accountId, email: users.email, name: users.name })
    .from(users)
    .where(and(eq(users.id, demo.id), inArray(users.email, [demo.email])));
  return row ?? null;
}
