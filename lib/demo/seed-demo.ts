import { sql } from 'drizzle-orm';
import {
  apps,
  organizationAdmins,
  organizations,
  preApprovedApps,
  siteAppStatus,
  siteMemberships,
  sites,
  users,
} from '@/lib/db/schema';
import type { Database } from '@/lib/db/types';

/**
 * The demo organisation the embedded default starts with. Ids and cloud ids are fixed so links,
 * tests and docs stay stable. Catalogue rows (orgs, sites, people, apps) are upserted; state a
 * person may since have changed (an app's authorization, a pre-approval) is only inserted when
 * missing, so re-seeding never undoes what someone did in the app.
 */
const DEMO_ORGANIZATIONS = [
  { id: 'org-acme', name: 'Acme Corp' },
  { id: 'org-globex', name: 'Globex' },
] as const;

export const DEMO_SITES = [
  {
    id: 'site-acme',
    cloudId: '0f9a3c1e-5b7d-4e2a-9c8f-1a2b3c4d5e01',
    organizationId: 'org-acme',
    name: 'acme',
    url: 'https://acme.atlassian.net',
    products: ['jira', 'confluence'],
  },
  {
    id: 'site-acme-sandbox',
    cloudId: '0f9a3c1e-5b7d-4e2a-9c8f-1a2b3c4d5e02',
    organizationId: 'org-acme',
    name: 'acme-sandbox',
    url: 'https://acme-sandbox.atlassian.net',
    products: ['jira'],
  },
  {
    id: 'site-globex',
    cloudId: '7c6d5e4f-3a2b-4c1d-8e9f-0a1b2c3d4e03',
    organizationId: 'org-globex',
    name: 'globex',
    url: 'https://globex.atlassian.net',
    products: ['jira', 'jsm'],
  },
] as const;

// Locales: what each person's e-mails and notifications start in (Sam reads German, Gus Japanese);
// a sign-in or the language switcher replaces it, and a reseed never undoes that.
export const DEMO_USERS = [
  {
    id: 'user-ada',
    accountId: 'demo-5f1c2a7e-ada0-4c1e-9a11-000000000001',
    email: 'ada@acme.test',
    name: 'Ada Admin',
    locale: 'en',
  },
  {
    id: 'user-sam',
    accountId: 'demo-5f1c2a7e-5a30-4c1e-9a11-000000000002',
    email: 'sam@acme.test',
    name: 'Sam Sandbox',
    locale: 'de',
  },
  {
    id: 'user-nora',
    accountId: 'demo-5f1c2a7e-a0ba-4c1e-9a11-000000000003',
    email: 'nora@acme.test',
    name: 'Nora User',
    locale: 'en',
  },
  {
    id: 'user-gus',
    accountId: 'demo-5f1c2a7e-6a50-4c1e-9a11-000000000004',
    email: 'gus@globex.test',
    name: 'Gus Globex',
    locale: 'ja',
  },
] as const;

const DEMO_ORGANIZATION_ADMINS = [{ organizationId: 'org-acme', userId: 'user-ada' }] as const;

const DEMO_MEMBERSHIPS = [
  { siteId: 'site-acme-sandbox', userId: 'user-sam', role: 'site-admin' },
  { siteId: 'site-acme', userId: 'user-sam', role: 'user' },
  { siteId: 'site-acme', userId: 'user-nora', role: 'user' },
  { siteId: 'site-globex', userId: 'user-gus', role: 'site-admin' },
] as const;

const DEMO_APPS = [
  {
    id: 'app-timesheets',
    /** Made up, in the shape of a developer-console client id (demo consent pages use it). */
    clientId: 'TsPro7QmW2cN4vB8xK1zL5rT9yH3dJ6f',
    name: 'Timesheets Pro',
    vendor: 'Tempo Labs',
    description: 'Log time against Jira issues and export weekly timesheets for payroll.',
    scopes: ['read:me', 'read:jira-work', 'write:jira-work', 'read:jira-user', 'offline_access'],
  },
  {
    id: 'app-docuflow',
    clientId: 'DocF3aR8kP1sV6nQ2wE9tY4uI7oL5mZx',
    name: 'DocuFlow',
    vendor: 'Paperline Software',
    description: 'Turns Confluence pages into approved, versioned PDF documents with sign-off workflows.',
    scopes: ['read:me', 'read:confluence-content.all', 'write:confluence-content', 'read:confluence-user'],
  },
  {
    id: 'app-roadmap',
    clientId: 'RdMp5gH2jK8lN3bV6cX9zA1sD4fG7hQw',
    name: 'Roadmap Planner',
    vendor: 'Northstar Apps',
    description: 'Plans releases across Jira projects on a shared timeline and tracks dependencies.',
    scopes: ['read:me', 'read:jira-work', 'manage:jira-project', 'read:jira-user'],
  },
] as const;

const DEMO_AUTHORIZED_APPS = [
  { siteId: 'site-acme', appId: 'app-timesheets' },
  { siteId: 'site-acme-sandbox', appId: 'app-timesheets' },
  { siteId: 'site-globex', appId: 'app-roadmap' },
] as const;

const DEMO_PRE_APPROVED_APPS = [{ siteId: 'site-acme-sandbox', appId: 'app-roadmap' }] as const;

const excluded = (column: string) => sql.raw(`excluded.${column}`);

/** Idempotent: safe on every start and from `npm run db:seed`. Touches demo rows only. */
export async function seedDemo(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(organizations)
      .values([...DEMO_ORGANIZATIONS])
      .onConflictDoUpdate({ target: organizations.id, set: { name: excluded('name') } });
    await tx
      .insert(sites)
      .values(DEMO_SITES.map((site) => ({ ...site, products: [...site.products] })))
      .onConflictDoUpdate({
        target: sites.id,
        set: {
          cloudId: excluded('cloud_id'),
          organizationId: excluded('organization_id'),
          name: excluded('name'),
          url: excluded('url'),
          products: excluded('products'),
          updatedAt: sql`now()`,
        },
      });
    await tx
      .insert(users)
      .values([...DEMO_USERS])
      .onConflictDoUpdate({
        target: users.id,
        set: { accountId: excluded('account_id'), email: excluded('email'), name: excluded('name') },
      });
    await tx
      .insert(organizationAdmins)
      .values([...DEMO_ORGANIZATION_ADMINS])
      .onConflictDoNothing();
    await tx
      .insert(siteMemberships)
      .values([...DEMO_MEMBERSHIPS])
      .onConflictDoUpdate({
        target: [siteMemberships.siteId, siteMemberships.userId],
        set: { role: excluded('role') },
      });
    await tx
      .insert(apps)
      .values(DEMO_APPS.map((app) => ({ ...app, scopes: [...app.scopes] })))
      .onConflictDoUpdate({
        target: apps.id,
        set: {
          name: excluded('name'),
          vendor: excluded('vendor'),
          description: excluded('description'),
          scopes: excluded('scopes'),
          clientId: excluded('client_id'),
        },
      });
    await tx
      .insert(siteAppStatus)
      .values(DEMO_AUTHORIZED_APPS.map((row) => ({ ...row, status: 'authorized' as const })))
      .onConflictDoNothing();
    await tx
      .insert(preApprovedApps)
      .values([...DEMO_PRE_APPROVED_APPS])
      .onConflictDoNothing();
  });
}
