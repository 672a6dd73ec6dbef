import type { ROLE_SOURCES, SITE_ROLES } from '@/lib/db/schema';

/**
 * Atlassian's roles as they bear on apps (facts §8.2: "What are the different types of admin
 * roles?"). Org admins are stored per organisation, the rest per site. What each may do about a
 * 3LO app on a site:
 * - org admin, site admin: authorize it (connect it with their own account), block or allow user
 *   installs, remove it in Connected apps;
 * - app admin (the newer name for product admin): administers a product; whether it may install a
 *   third-party 3LO app is UNCONFIRMED, so Greenlight asks before treating one as a site admin;
 * - product admin: what 3LO can see (a product's admin permission); the same question;
 * - user access admin: manages users and product access, not apps;
 * - user, guest: connect apps for themselves where user installs are allowed; guests may be limited.
 */
export type SiteRole = (typeof SITE_ROLES)[number];
export type RoleSource = (typeof ROLE_SOURCES)[number];
/** A role as Greenlight shows and decides on it, org admin included. */
export type AtlassianRole = SiteRole | 'org-admin';

/** What a role lets a person do about authorizing an app: yes, ask them to confirm, or no. */
export type AuthorizeStanding = 'can-authorize' | 'must-confirm' | 'cannot-authorize';

export function authorizeStanding(role: AtlassianRole): AuthorizeStanding {
  switch (role) {
    case 'org-admin':
    case 'site-admin':
      return 'can-authorize';
    case 'app-admin':
    case 'product-admin':
      return 'must-confirm';
    case 'user-access-admin':
    case 'user':
    case 'guest':
      return 'cannot-authorize';
  }
}

/** Roles that administer a site in Greenlight (inbox, decisions, notifications). */
export function isSiteAdministrator(role: AtlassianRole): boolean {
  return authorizeStanding(role) === 'can-authorize';
}

const ROLE_LABELS: Record<AtlassianRole, string> = {
  'org-admin': 'Org admin',
  'site-admin': 'Site admin',
  'user-access-admin': 'User access admin',
  'app-admin': 'App admin',
  'product-admin': 'Product admin',
  user: 'User',
  guest: 'Guest',
};

/** The role as Atlassian's admin pages name it, for lists people read. */
export function roleLabel(role: AtlassianRole): string {
  return ROLE_LABELS[role];
}
