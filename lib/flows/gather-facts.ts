import 'server-only';
import { getCurrentViewer } from '@/lib/auth/current-viewer';
import { getDb } from '@/lib/db/client';
import { listAppsOnSite } from '@/lib/directory/list-apps-on-site';
import { listSitesOfViewer } from '@/lib/directory/site-access';
import { logger } from '@/lib/log';
import { findSite, type TroubleshootFacts } from './facts';
import type { WizardInputs } from './inputs';

/**
 * What the troubleshooter needs to know before it picks a step, from the directory and the app
 * registry (the same lib/ functions and policy the API uses). A part that fails is recorded with
 * a reason instead of failing the page: the flow then asks the question the check would have
 * answered, and says why. For Atlassian sign-ins the sites are those of the last directory sync.
 */
export async function gatherFacts(inputs: WizardInputs): Promise<TroubleshootFacts> {
  const viewer = await getCurrentViewer().catch(() => null);
  if (!viewer) return { viewer: null };
  const facts: TroubleshootFacts = { viewer: { email: viewer.email, name: viewer.name } };
  let db;
  try {
    db = await getDb();
    facts.sites = (await listSitesOfViewer(db, viewer)).map(({ id, cloudId, name, url, role }) => ({ id, cloudId, name, url, role }));
  } catch (error) {
    logger.warn({ err: String(error) }, 'troubleshooter: sites unavailable');
    facts.sitesUnavailable = 'Greenlight could not load your sites just now';
    return facts;
  }
  const site = findSite(facts, inputs.site);
  if (site && inputs.app) {
    try {
      facts.apps = (await listAppsOnSite(db, viewer, site.id)).apps.map(({ id, name, vendor, scopes, status, request }) => ({
        id,
        name,
        vendor,
        scopes,
        status,
        request: request ? { id: request.id, status: request.status, reason: request.reason } : null,
      }));
    } catch (error) {
      logger.warn({ err: String(error) }, 'troubleshooter: apps unavailable');
      facts.appsUnavailable = 'Greenlight could not look up the app just now';
    }
  }
  return facts;
}
