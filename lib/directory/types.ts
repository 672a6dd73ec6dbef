import type { RoleSource } from '@/lib/auth/roles';
import type { SiteRole } from '@/lib/auth/viewer';
import type { SiteProduct } from '@/lib/atlassian/accessible-resources';

export interface DirectorySite {
  /** Greenlight's site id (e.g. "site-acme"); for Atlassian sites, derived from the cloud id. */
  id: string;
  cloudId: string;
  name: string;
  /** https://acme.atlassian.net */
  url: string;
  products: SiteProduct[];
  role: SiteRole;
  /** Where the role came from, when the adapter says (stored with it by sync.ts). */
  roleSource?: RoleSource;
}

export interface DirectoryProfile {
  accountId: string;
  email: string;
  name: string;
  picture?: string;
}

/**
 * The Directory port: who the viewer is and which sites they have, with their role on each.
 * Local adapter: the database (embedded default and demo). Atlassian adapter: 3LO REST APIs.
 * Apps and their authorization state are not here: Atlassian has no public API for them, so
 * Greenlight keeps them in its own database in both modes.
 */
export interface Directory {
  profile(): Promise<DirectoryProfile>;
  sites(): Promise<DirectorySite[]>;
}
