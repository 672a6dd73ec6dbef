import Link from 'next/link';
import { canSeeInsights } from '@/lib/auth/policy';
import type { Executor } from '@/lib/db/types';
import { listAdministeredOrganizationIds } from '@/lib/directory/list-administered-organizations';
import type { Viewer } from '@/lib/directory/types';

/** "Insights" for the admin console's header, shown to org admins only (others would get a 404). */
export async function InsightsLink({ db, viewer }: { db: Executor; viewer: Viewer }) {
  if (!canSeeInsights(await listAdministeredOrganizationIds(db, viewer))) return null;
  return (
    <Link
      href="/admin/insights"
      className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-500"
    >
      Insights: searches, article votes and the troubleshooter funnel
    </Link>
  );
}
