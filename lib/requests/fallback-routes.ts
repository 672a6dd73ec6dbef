import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { assertCanManageFallbackRoutes } from '@/lib/auth/policy';
import type { Viewer } from '@/lib/auth/viewer';
import { EMAIL_ENTRY, getConfig } from '@/lib/config';
import { fallbackRoutes, organizations, sites, users } from '@/lib/db/schema';
import type { Database, Executor } from '@/lib/db/types';
import { listAdministeredOrganizationIds } from '@/lib/directory/list-administered-organizations';
import { conflict, notFound } from '@/lib/errors';
import { parseHostPattern, siteHost } from '@/lib/host-pattern';
import { trimmedIdSchema } from '@/lib/ids';
import { parseWith } from '@/lib/validate-input';
import { pickFallbackRoute, type PickedRoute } from './pick-fallback-route';
import { recordAudit } from '@/lib/db/audit-log';

export const MAX_ROUTE_ADDRESSES = 10;

export const fallbackRouteInput = z.object({
  organizationId: trimmedIdSchema,
  pattern: z
    .string()
    .max(260)
    .transform((raw, ctx) => {
      const parsed = parseHostPattern(raw);
      if ('error' in parsed) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: parsed.error });
        return z.NEVER;
      }
      return parsed.pattern;
    }),
  addresses: z
    .array(
      z
        .string()
        .trim()
        .max(254)
        .toLowerCase()
        // No spaces, no line breaks, no brackets: an address that cannot smuggle a mail header.
        .regex(EMAIL_ENTRY, 'must be an e-mail address such as helpdesk@example.com'),
    )
    .min(1, 'name at least one e-mail address')
    .max(MAX_ROUTE_ADDRESSES, `at most ${MAX_ROUTE_ADDRESSES} addresses`)
    .transform((addresses) => [...new Set(addresses)]),
});
export type FallbackRouteInput = z.input<typeof fallbackRouteInput>;

export interface FallbackRouteDto {
  id: string;
  organization: { id: string; name: string };
  pattern: string;
  addresses: string[];
  addedBy: { name: string } | null;
  updatedAt: string;
}

export interface FallbackRoutesView {
  organizations: { id: string; name: string }[];
  routes: FallbackRouteDto[];
  /** GREENLIGHT_FALLBACK_ADMINS: shown, changed only by the operator. */
  deploymentRoutes: { pattern: string; addresses: string[] }[];
  /** Without SMTP_URL no route can be e-mailed, so none is used. */
  emailConfigured: boolean;
}

/** The fallback routes of the organisations the viewer administers (org admins only; others 404). */
export async function listFallbackRoutes(db: Executor, viewer: Viewer): Promise<FallbackRoutesView> {
  const administered = await listAdministeredOrganizationIds(db, viewer);
  if (!administered.length) throw notFound();
  const config = getConfig();
  const orgs = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(inArray(organizations.id, administered))
    .orderBy(asc(organizations.name));
  const rows = await db
    .select({
      id: fallbackRoutes.id,
      organizationId: fallbackRoutes.organizationId,
      pattern: fallbackRoutes.pattern,
      addresses: fallbackRoutes.addresses,
      addedBy: users.name,
      updatedAt: fallbackRoutes.updatedAt,
    })
    .from(fallbackRoutes)
    .leftJoin(users, eq(users.id, fallbackRoutes.createdBy))
    .where(inArray(fallbackRoutes.organizationId, administered))
    .orderBy(asc(fallbackRoutes.organizationId), asc(fallbackRoutes.pattern));
  const names = new Map(orgs.map((org) => [org.id, org.name]));
  return {
    organizations: orgs,
    routes: rows.map((row) => ({
      id: row.id,
      organization: { id: row.organizationId, name: names.get(row.organizationId) ?? row.organizationId },
      pattern: row.pattern,
      addresses: row.addresses,
      addedBy: row.addedBy ? { name: row.addedBy } : null,
      updatedAt: row.updatedAt.toISOString(),
    })),
    deploymentRoutes: config.GREENLIGHT_FALLBACK_ADMINS.map((route) => ({
      pattern: route.pattern,
      addresses: [...route.addresses],
    })),
    emailConfigured: Boolean(config.SMTP_URL),
  };
}

/**
 * Adds an org admin's route, or replaces the addresses of the organisation's route with the same
 * pattern; audited. Refused (409) without SMTP: a route nobody is e-mailed on is a silent drop.
 */
export async function saveFallbackRoute(
  db: Database,
  viewer: Viewer,
  body: unknown,
): Promise<{ route: FallbackRouteDto; replaced: boolean }> {
  const input = parseWith(fallbackRouteInput, body);
  assertCanManageFallbackRoutes(await listAdministeredOrganizationIds(db, viewer), input.organizationId);
  if (!getConfig().SMTP_URL) {
    throw conflict(
      'Greenlight has no e-mail set up (SMTP_URL), so a route could not reach anyone. Ask the operator to set it first.',
      'email_not_configured',
    );
  }
  let replaced = false;
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ addresses: fallbackRoutes.addresses })
      .from(fallbackRoutes)
      .where(
        and(
          eq(fallbackRoutes.organizationId, input.organizationId),
          eq(fallbackRoutes.pattern, input.pattern),
        ),
      )
      .for('update');
    await tx
      .insert(fallbackRoutes)
      .values({ ...input, createdBy: viewer.userId })
      .onConflictDoUpdate({
        target: [fallbackRoutes.organizationId, fallbackRoutes.pattern],
        set: { addresses: input.addresses, createdBy: viewer.userId, updatedAt: new Date() },
      });
    await recordAudit(tx, {
      actorUserId: viewer.userId,
      action: 'fallback_route.added',
      siteId: null,
      target: `${input.organizationId}:${input.pattern}`,
      details: {
        organizationId: input.organizationId,
        pattern: input.pattern,
        addresses: input.addresses,
        ...(before ? { replacedAddresses: before.addresses } : {}),
      },
    });
    replaced = Boolean(before);
  });
  const view = await listFallbackRoutes(db, viewer);
  const route = view.routes.find(
    (r) => r.organization.id === input.organizationId && r.pattern === input.pattern,
  );
  if (!route) throw new Error('fallback route vanished after saving');
  return { route, replaced };
}

/** Removes one of the organisation's routes (org admins of that organisation only; others 404); audited. */
export async function removeFallbackRoute(db: Database, viewer: Viewer, id: string): Promise<void> {
  const administered = await listAdministeredOrganizationIds(db, viewer);
  const [route] = await db.select().from(fallbackRoutes).where(eq(fallbackRoutes.id, id));
  if (!route) throw notFound('Route not found.');
  assertCanManageFallbackRoutes(administered, route.organizationId);
  await db.transaction(async (tx) => {
    const deleted = await tx
      .delete(fallbackRoutes)
      .where(eq(fallbackRoutes.id, id))
      .returning({ id: fallbackRoutes.id });
    if (!deleted.length) return;
    await recordAudit(tx, {
      actorUserId: viewer.userId,
      action: 'fallback_route.removed',
      siteId: null,
      target: `${route.organizationId}:${route.pattern}`,
      details: { organizationId: route.organizationId, pattern: route.pattern, addresses: route.addresses },
    });
  });
}

/**
 * Where a request on the site goes when Greenlight knows none of its admins: the organisation's
 * and the deployment's routes, most specific first; null without one, or without e-mail to send it.
 * Unsafe: no viewer check; called while filing a request.
 */
export async function unsafeFindFallbackRoute(db: Executor, siteId: string): Promise<PickedRoute | null> {
  const config = getConfig();
  if (!config.SMTP_URL) return null;
  const [site] = await db
    .select({ url: sites.url, organizationId: sites.organizationId })
    .from(sites)
    .where(eq(sites.id, siteId));
  if (!site) return null;
  const organizationRoutes = site.organizationId
    ? await db
        .select({
          organizationId: fallbackRoutes.organizationId,
          pattern: fallbackRoutes.pattern,
          addresses: fallbackRoutes.addresses,
        })
        .from(fallbackRoutes)
        .where(eq(fallbackRoutes.organizationId, site.organizationId))
    : [];
  return pickFallbackRoute(
    { host: siteHost(site.url), organizationId: site.organizationId },
    organizationRoutes,
    config.GREENLIGHT_FALLBACK_ADMINS,
  );
}
