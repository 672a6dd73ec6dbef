import type { RequestInbox } from '@/lib/requests/list-request-inbox';
import { FilterForm, FilterSelect } from './FilterForm';

const STATUSES = [
  { value: 'open', label: 'Open' },
  { value: 'approved', label: 'Approved' },
  { value: 'denied', label: 'Denied' },
  { value: 'withdrawn', label: 'Withdrawn' },
  { value: 'expired', label: 'Expired' },
  { value: 'all', label: 'All' },
] as const;

/** The inbox's filters: site, app and status. */
export function InboxFilters({
  inbox,
  current,
}: {
  inbox: RequestInbox;
  current: { siteId?: string; appId?: string; status: string };
}) {
  return (
    <FilterForm action="/admin" label="Filter requests">
      <FilterSelect
        label="Site"
        name="site"
        value={current.siteId}
        anyLabel="All my sites"
        options={inbox.sites.map((site) => ({ value: site.id, label: site.name }))}
      />
      <FilterSelect
        label="App"
        name="app"
        value={current.appId}
        anyLabel="All apps"
        options={inbox.apps.map((app) => ({ value: app.id, label: app.name }))}
      />
      <FilterSelect label="Status" name="status" value={current.status} options={STATUSES} />
    </FilterForm>
  );
}
