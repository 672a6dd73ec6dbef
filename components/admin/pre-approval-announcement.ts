/** A next-intl translator, or anything that reads a catalog key with values the same way. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * What the admin is told after adding an app to a site's pre-approved apps (or removing it): the
 * catalog's plural rules pick the words that fit the number of requests it approved.
 */
export function preApprovalAnnouncement(
  t: Translate,
  change: { app: string; site: string } & ({ added: true; approvedRequests: number } | { added: false }),
): string {
  if (!change.added) return t('PreApproved.removed', { app: change.app, site: change.site });
  return t('PreApproved.added', { app: change.app, site: change.site, count: change.approvedRequests });
}
