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
  | 'organization.disconnected';

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
];

/** One row per change an admin makes (or the system makes on their behalf, actor null). */
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
