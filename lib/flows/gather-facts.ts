import 'server-only';
import type { ServerSession } from '@/lib/auth/session';
import type { Database } from '@/lib/db/types';
import { syncDirectoryForSession } from '@/lib/directory/directory-for-session';
import { findRequestedConsent, listAppsOnSite } from '@/lib/directory/list-apps-on-site';
import { listSitesOfViewer } from '@/lib/directory/site-access';
import { AppError } from '@/lib/errors';
import type { UnavailableReason } from './checks';
import { logger } from '@/lib/log';
import { findApp, findSite, type TroubleshootFacts } from './facts';
import type { WizardInputs } from './inputs';

/**
 * What the troubleshooter needs to know before it picks a step, from the directory and the app
 * registry (the same lib/ functions and policy the API uses). A part that fails is recorded with
 * a reason instead of failing the page: the flow then asks the question the check would have
 * answered, and says why. For Atlassian sign-ins the directory is synced from Atlassian first (at
 * most once a minute, as for the API), so a first visit right after sign-in knows the sites and an
 * Atlassian failure is said rather than read as "not a member". Without a usable access token (a
 * page cannot refresh it) the last sync's sites are used.
 *
 * The page hands in the session (null for an anonymous visitor) and the way to the database,
 * opened for signed-in visitors only: one that cannot be reached is one more part that fails.
 */
export async function gatherFacts(
  openDb: () => Promise<Database>,
  session: ServerSession | null,
  inputs: WizardInputs,
): Promise<TroubleshootFacts> {
  if (!session) return { viewer: null };
  const viewer = session.viewer;
  const facts: TroubleshootFacts = { viewer: { email: viewer.email, name: viewer.name } };
  let open: Database;
  try {
    open = await openDb();
  } catch (error) {
    logger.warn({ err: String(error) }, 'troubleshooter: database unavailable');
    facts.sitesUnavailable = { code: 'sites-unavailable' };
    return facts;
  }
  if (viewer.source === 'atlassian' && session.atlassianAccessToken) {
    try {
      await syncDirectoryForSession(open, session);
    } catch (error) {
      logger.warn(
        { err: error instanceof AppError ? error.code : String(error) },
        'troubleshooter: Atlassian sites unavailable',
      );
      facts.sitesUnavailable = upstreamReason(error);
      return facts;
    }
  }
  try {
    facts.sites = (await listSitesOfViewer(open, viewer)).map(({ id, cloudId, name, url, role }) => ({
      id,
      cloudId,
      name,
      url,
      role,
    }));
  } catch (error) {
    logger.warn({ err: String(error) }, 'troubleshooter: sites unavailable');
    facts.sitesUnavailable = { code: 'sites-unavailable' };
    return facts;
  }
  const site = findSite(facts, inputs.site);
  if (site && inputs.app) {
    try {
      facts.apps = (await listAppsOnSite(open, viewer, site.id)).apps.map(
        ({ id, name, vendor, scopes, clientId, status, request }) => ({
          id,
          name,
          vendor,
          scopes,
          clientId,
          status,
          request: request ? { id: request.id, status: request.status, reason: request.reason } : null,
        }),
      );
    } catch (error) {
      logger.warn({ err: String(error) }, 'troubleshooter: apps unavailable');
      facts.appsUnavailable = { code: 'apps-unavailable' };
    }
    const app = findApp(facts, inputs.app);
    if (app) {
      // Extra detail for admins only; without it the admin step still stands.
      facts.requestedConsent = await findRequestedConsent(open, viewer, site.id, app.id).catch(() => null);
    }
  }
  return facts;
}

/** Why the sites could not be read from Atlassian (the page words it in the reader's language). */
function upstreamReason(error: unknown): UnavailableReason {
  const code = error instanceof AppError ? error.code : undefined;
  switch (code) {
    case 'atlassian_rate_limited': {
      const retryAfter = error instanceof AppError ? error.headers['Retry-After'] : undefined;
      return { code: 'atlassian-rate-limited', ...(retryAfter ? { retryAfterSeconds: retryAfter } : {}) };
    }
    case 'atlassian_timeout':
      return { code: 'atlassian-timeout' };
    case 'atlassian_token_invalid':
      return { code: 'atlassian-token-invalid' };
    case 'atlassian_scope_missing':
      return { code: 'atlassian-scope-missing' };
    default:
      return { code: 'atlassian-unreachable' };
  }
}
