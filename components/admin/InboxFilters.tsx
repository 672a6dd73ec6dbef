import type { RequestInbox } from '@/lib/requests/list-request-inbox';

const STATUSES = [
  { value: 'open', label: 'Open' },
  { value: 'approved', label: 'Approved' },
  { value: 'denied', label: 'Denied' },
  { value: 'withdrawn', label: 'Withdrawn' },
  { value: 'expired', label: 'Expired' },
  { value: 'all', label: 'All' },
] as const;

const selectClass = 'input mt-1 py-1.5';

/** A plain GET form: the filters live in the URL, so a filtered inbox can be bookmarked and shared. */
export function InboxFilters({
  inbox,
  current,
}: {
  inbox: RequestInbox;
  current: { siteId?: string; appId?: string; status: string };
}) {
  return (
    <form method="get" action="/admin" className="mb-6 flex flex-wrap items-end gap-4" aria-label="Filter requests">
      <label className="text-sm font-medium">
        Site
        <select name="site" defaultValue={current.siteId ?? ''} className={selectClass}>
          <option value="">All my sites</option>
          {inbox.sites.map((site) => (
            <option key={site.id} value={site.id}>
              {site.name}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium">
        App
        <select name="app" defaultValue={current.appId ?? ''} className={selectClass}>
          <option value="">All apps</option>
          {inbox.apps.map((app) => (
            <option key={app.id} value={app.id}>
              {app.name}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium">
        Status
        <select name="status" defaultValue={current.status} className={selectClass}>
          {STATUSES.map((status) => (
            <option key={status.value} value={status.value}>
              {status.label}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="btn-secondary">
        Apply filters
      </button>
    </form>
  );
}
