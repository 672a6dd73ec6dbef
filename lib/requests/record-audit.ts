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
  | 'fallback_route.removed';

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
];

/** One row per change an admin makes (or the system makes on their behalf, actor null). */
export async function recordAudit(
  tx: Executor,
  entry: {
    actorUserId: string | null;
    action: AuditAction;
    /** Null for an organisation-wide change (a fallback route). */
    siteId: string | null;
    target: string;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  await tx.insert(auditLog).values({ ...entry, details: entry.details ?? {} });
}
