import Link from 'next/link';
import type { Executor } from '@/lib/db/types';
import type { Viewer } from '@/lib/directory/types';
import { insightsAccessFor } from '@/lib/insights/insights-access';

/** "Insights" for the admin console's header, shown only to those who may open it (others would get a 404). */
export async function InsightsLink({ db, viewer }: { db: Executor; viewer: Viewer }) {
  if (!(await insightsAccessFor(db, viewer))) return null;
  return (
    <Link
      href="/admin/insights"
      className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-500"
    >
      Insights: searches, article votes and the troubleshooter funnel
    </Link>
  );
}
