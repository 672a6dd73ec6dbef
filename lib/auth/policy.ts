import type { InsightsViewerList } from '@/lib/config';
import type { SiteRole, Viewer } from '@/lib/auth/viewer';
import { forbidden, notFound } from '@/lib/errors';
import { authorizeStanding } from './roles';

/**
 * The one place that decides who may see or do what. Every function is pure: callers load the
 * facts (the viewer's role on a site, the request's requester) and ask here. Data functions in
 * lib/ call these before they read or write anything.
 *
 * Rule of thumb for errors: a thing the viewer may not see answers 404 (its existence is not
 * revealed); a thing they may see but not change answers 403. Any member may see a site's apps,
 * their status and who its admins are (who to ask), and may ask for an app: canSeeSite.
 */

/** The viewer's standing on one site: null when they are not a member (nor an admin of its org). */
export type SiteAccess = { siteId: string; role: SiteRole } | null;

export interface RequestFacts {
  requesterId: string;
  siteId: string;
}

export function canSeeSite(access: SiteAccess): access is NonNullable<SiteAccess> {
  return access !== null;
}

export function canAdministerSite(access: SiteAccess): boolean {
  return access?.role === 'site-admin';
}

/**
 * Only someone Greenlight must ask (a product or app admin: `must-confirm`) may confirm being a
 * site admin; a site admin need not, and a user or guest cannot make themselves one.
 */
export function canConfirmSiteAdmin(access: SiteAccess): boolean {
  return access !== null && authorizeStanding(access.role) === 'must-confirm';
}

/** Throws 404 for non-members and 403 for members whose role is not the one to confirm. */
export function assertCanConfirmSiteAdmin(access: SiteAccess): asserts access is NonNullable<SiteAccess> {
  assertCanSeeSite(access);
  if (!canConfirmSiteAdmin(access))
    throw forbidden(
      'Only a Jira or Confluence admin of this site can confirm being its site admin here.',
      'forbidden',
    );
}

/** A requester sees their own requests; a site admin sees every request on their site. */
export function canSeeRequest(
  viewer: Viewer,
  request: RequestFacts,
  accessToRequestSite: SiteAccess,
): boolean {
  return request.requesterId === viewer.userId || canAdministerSite(accessToRequestSite);
}

export function canDecideRequest(accessToRequestSite: SiteAccess): boolean {
  return canAdministerSite(accessToRequestSite);
}

/** Only the person who asked may withdraw; admins deny instead. */
export function canWithdrawRequest(viewer: Viewer, request: RequestFacts): boolean {
  return request.requesterId === viewer.userId;
}

/** Throws 404 unless the viewer may see the site; narrows the access for the caller. */
export function assertCanSeeSite(access: SiteAccess): asserts access is NonNullable<SiteAccess> {
  if (!canSeeSite(access)) throw notFound('Site not found.');
}

/** Throws 404 for non-members and 403 for members who are not site admins. */
export function assertCanAdministerSite(access: SiteAccess): asserts access is NonNullable<SiteAccess> {
  assertCanSeeSite(access);
  if (!canAdministerSite(access))
    throw forbidden('Only a site admin of this site can do this.', 'not_site_admin');
}

/** Whether the viewer is on the operator's list, by e-mail or by account id. */
export function isConfiguredInsightsViewer(
  viewer: Pick<Viewer, 'email' | 'accountId'>,
  list: InsightsViewerList,
): boolean {
  const email = viewer.email.trim().toLowerCase();
  if (email !== '' && list.emails.some((entry) => entry.toLowerCase() === email)) return true;
  return viewer.accountId !== '' && list.accountIds.includes(viewer.accountId);
}

/**
 * Insights cover the whole help center (anonymous searches, votes, troubleshooter visits) and the
 * requests of whole organisations, so they are for org admins and the operator's configured
 * insights viewers only. Others get 404. Being on the list opens the help-center figures only:
 * request figures stay limited to the organisations the viewer administers, so a listed viewer
 * who administers none gets no request figures at all.
 */
export function canSeeInsights(
  administeredOrganizationIds: readonly string[],
  configuredInsightsViewer: boolean,
): boolean {
  return administeredOrganizationIds.length > 0 || configuredInsightsViewer;
}

export function assertCanSeeInsights(
  administeredOrganizationIds: readonly string[],
  configuredInsightsViewer: boolean,
): void {
  if (!canSeeInsights(administeredOrganizationIds, configuredInsightsViewer)) throw notFound();
}

/**
 * The admin console (inbox, pre-approved apps, audit log) is for people who administer at least
 * one site. Everyone else gets 404: the console's existence is not theirs to learn.
 */
export function canUseAdminConsole(administeredSiteIds: readonly string[]): boolean {
  return administeredSiteIds.length > 0;
}

export function assertCanUseAdminConsole(administeredSiteIds: readonly string[]): void {
  if (!canUseAdminConsole(administeredSiteIds)) throw notFound();
}

/**
 * A site filter in the admin console must name a site the viewer administers; else 404 (unlike
 * assertCanAdministerSite, which answers 403 to a member: a filter reveals nothing either way).
 */
export function assertConsoleSiteFilter(administeredSiteIds: readonly string[], siteId: string): void {
  if (!administeredSiteIds.includes(siteId)) throw notFound('Site not found.');
}

/**
 * Fallback routes (where requests on sites with no known admin go) are an organisation's to set:
 * only its org admins may list, add or remove them. Anyone else gets 404 for the organisation.
 */
export function canManageFallbackRoutes(
  administeredOrganizationIds: readonly string[],
  organizationId: string,
): boolean {
  return administeredOrganizationIds.includes(organizationId);
}

export function assertCanManageFallbackRoutes(
  administeredOrganizationIds: readonly string[],
  organizationId: string,
): void {
  if (!canManageFallbackRoutes(administeredOrganizationIds, organizationId))
    throw notFound('Organization not found.');
}

/**
 * The organization page (/admin/organization) is for org admins, site admins and Jira or
 * Confluence admins not yet confirmed as site admins (3LO cannot tell them apart): connecting is
 * proven by the organization API key itself (only an org admin can create one). Others get 404.
 */
export function canOpenOrganizationPage(
  administeredOrganizationIds: readonly string[],
  /** Sites where the viewer is, or may be, an admin (listSitesWithAdminStanding). */
  administeredSiteIds: readonly string[],
): boolean {
  return administeredOrganizationIds.length > 0 || administeredSiteIds.length > 0;
}

export function assertCanOpenOrganizationPage(
  administeredOrganizationIds: readonly string[],
  administeredSiteIds: readonly string[],
): void {
  if (!canOpenOrganizationPage(administeredOrganizationIds, administeredSiteIds)) throw notFound();
}

/** Replacing the key of, syncing or disconnecting an organization that is connected: its org admins only. */
export function assertCanManageOrganization(
  administeredOrganizationIds: readonly string[],
  organizationId: string,
): void {
  if (!administeredOrganizationIds.includes(organizationId))
    throw forbidden('Only an org admin of this organization can change its connection.');
}
