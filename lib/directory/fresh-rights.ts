import { gte, notInArray, or, type AnyColumn, type SQL } from 'drizzle-orm';
import type { RoleSource } from '@/lib/auth/roles';
import { getConfig } from '@/lib/config';

/**
 * Roles Greenlight learned from Atlassian (a 3LO product permission, the organization's role
 * assignments) are trusted for ADMIN_RIGHTS_TTL_MINUTES after the sync that last confirmed them;
 * after that they grant nothing until the next sync does. The local directory (embedded default,
 * demo) is the source of truth itself and never ages.
 */
export const SYNCED_ROLE_SOURCES = [
  'product-permission',
  // A product admin's confirmation lasts only while the sync that renews it still sees the product
  // admin permission behind it (sync.ts); it ages like the permission itself.
  'self-confirmed',
  'admin-api',
] as const satisfies readonly RoleSource[];

export function rightsCutoff(now = Date.now()): Date {
  return new Date(now - getConfig().ADMIN_RIGHTS_TTL_MINUTES * 60_000);
}

export function isFreshRight(source: RoleSource, syncedAt: Date, cutoff: Date): boolean {
  return !(SYNCED_ROLE_SOURCES as readonly RoleSource[]).includes(source) || syncedAt >= cutoff;
}

/** The same rule in SQL, for queries that filter rows rather than read them. */
export function freshRightSql(source: AnyColumn, syncedAt: AnyColumn, cutoff: Date): SQL {
  return or(notInArray(source, [...SYNCED_ROLE_SOURCES]), gte(syncedAt, cutoff))!;
}
