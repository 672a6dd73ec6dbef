import 'server-only';
import type { Database } from '@/lib/db/types';
import type { Viewer } from '@/lib/auth/viewer';
import type { DecideAccessRequestInput } from './access-request-input';
import type { AccessRequestDto } from './access-request-dto';
import { decideAccessRequests } from './decide-access-requests';

/**
 * A site admin approves or denies one open request: the bulk decision with a single id, so one
 * and many follow the same rules (404 unseen, 403 not an admin there, 409 no longer open).
 */
export async function decideOneAccessRequest(
  db: Database,
  viewer: Viewer,
  requestId: string,
  input: DecideAccessRequestInput,
): Promise<AccessRequestDto> {
  const [request] = await decideAccessRequests(db, viewer, { ids: [requestId], ...input });
  return request!;
}
