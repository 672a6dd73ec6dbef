import { useTranslations } from 'next-intl';
import { Link } from '@/lib/i18n/navigation';

/** "Insights" for the admin console's header; the page shows it only to those who may open it. */
export function InsightsLink() {
  const t = useTranslations('Insights');
  return (
    <Link
      href="/admin/insights"
      className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-500"
    >
      {t('link')}
    </Link>
  );
}
