import { useLocale, useTranslations } from 'next-intl';
import { isLocale, localePath } from '@/lib/i18n/locales';
import type { RequestInbox } from '@/lib/requests/list-request-inbox';
import { FilterForm, FilterSelect } from './FilterForm';
import { STATUS_MESSAGE } from './request-status';

/** The inbox's filters: site, app and status; the form stays in the page's language. */
export function InboxFilters({
  inbox,
  current,
}: {
  inbox: RequestInbox;
  current: { siteId?: string; appId?: string; status: string };
}) {
  const t = useTranslations('Inbox.filters');
  const words = useTranslations();
  const locale = useLocale();
  const statuses = [
    ...Object.entries(STATUS_MESSAGE).map(([value, key]) => ({ value, label: words(key) })),
    { value: 'all', label: t('all') },
  ];
  return (
    <FilterForm action={localePath(isLocale(locale) ? locale : 'en', '/admin')} label={t('label')}>
      <FilterSelect
        label={t('site')}
        name="site"
        value={current.siteId}
        anyLabel={t('allSites')}
        options={inbox.sites.map((site) => ({ value: site.id, label: site.name }))}
      />
      <FilterSelect
        label={t('app')}
        name="app"
        value={current.appId}
        anyLabel={t('allApps')}
        options={inbox.apps.map((app) => ({ value: app.id, label: app.name }))}
      />
      <FilterSelect label={t('status')} name="status" value={current.status} options={statuses} />
    </FilterForm>
  );
}
