import { Link } from '@/lib/i18n/navigation';

/** "Insights" for the admin console's header; the page shows it only to those who may open it. */
export function InsightsLink() {
  return (
    <Link
      href="/admin/insights"
      className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-500"
    >
      Insights: searches, article votes and the troubleshooter funnel
    </Link>
  );
}
