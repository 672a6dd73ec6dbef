/** Who is signed in, as the session knows them (never from a request header). */
export interface Viewer {
  /** Greenlight's user id (users table). */
  userId: string;
  /** Atlassian account id (or the demo account id). */
  accountId: string;
  email: string;
  name: string;
  /** Where identity and sites come from. */
  source: 'local' | 'atlassian';
}

/** A site role (see roles.ts); an org admin administers every site of the org. */
export type { SiteRole } from './roles';
