import 'server-only';
import { eq } from 'drizzle-orm';
import { users } from '@/lib/db/schema';
import type { Executor } from '@/lib/db/types';
import { notFound } from '@/lib/errors';
import { listSitesOfViewer } from './site-access';
import type { Viewer } from '@/lib/auth/viewer';
import type { Directory, DirectoryProfile, DirectorySite } from './types';

/**
 * The Directory port over Greenlight's database: the embedded default and the demo. Org admins
 * get `site-admin` on every site of their organisation.
 */
export function createLocalDirectory(db: Executor, viewer: Viewer): Directory {
  return {
    async profile(): Promise<DirectoryProfile> {
      const [user] = await db
        .select({ accountId: users.accountId, email: users.email, name: users.name })
        .from(users)
        .where(eq(users.id, viewer.userId));
      if (!user) throw notFound('Your account no longer exists. Sign in again.');
      return user;
    },
    sites(): Promise<DirectorySite[]> {
      return listSitesOfViewer(db, viewer);
    },
  };
}
