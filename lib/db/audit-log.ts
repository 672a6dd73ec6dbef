import 'server-only';
import { auditLog } from '@/lib/db/schema';
import type { Executor } from '@/lib/db/types';

export type AuditAction =
  | 'app.authorized'
  | 'app.deauthorized'
  | 'access_request.approved'
  | 'access_request.denied'
  | 'access_request.expired'
  | 'app.pre_approved'
  | 'app.pre_approval_removed'
  | 'fallback_route.added'
  | 'fallback_route.removed'
  | 'organization.connected'
  | 'organization.key_replaced'
  | 'organization.disconnected'
  | 'site_admin.self_confirmed';

export const AUDIT_ACTIONS: readonly AuditAction[] = [
  'app.authorized',
  'app.deauthorized',
  'access_request.approved',
  'access_request.denied',
  'access_request.expired',
  'app.pre_approved',
  'app.pre_approval_removed',
  'fallback_route.added',
  'fallback_route.removed',
  'organization.connected',
  'organization.key_replaced',
  'organization.disconnected',
  'site_admin.self_confirmed',
];

/**
 * One row per change an admin makes (or the system makes on their behalf, actor null), and each
 * time someone becomes a site admin on their own word (the other admins should be able to see it).
 * Here, beside the table, so every domain folder can write it (lib/directory included).
 */
export async function recordAudit(
  tx: Executor,
  entry: {
    actorUserId: string | null;
    action: AuditAction;
    /** Null for organisation-wide changes (a fallback route, an organization connection). */
    siteId: string | null;
    target: string;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  await tx.insert(auditLog).values({ ...entry, details: entry.details ?? {} });
}
