import 'server-only';
import { cookies, headers } from 'next/headers';
import { getCurrentViewer } from '@/lib/auth/current-viewer';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db/client';
import { listSitesOfViewer } from '@/lib/directory/site-access';
import { logger } from '@/lib/log';
import { findSite, type FactApp, type TroubleshootFacts } from './facts';
import type { WizardInputs } from './inputs';

const APPS_TIMEOUT_MS = 4_000;

/**
 * What the troubleshooter needs to know before it picks a step. Each part that fails is recorded
 * with a reason instead of failing the page: the flow then asks the question the check would have
 * answered, and says why.
 */
export async function gatherFacts(inputs: WizardInputs): Promise<TroubleshootFacts> {
  const viewer = await getCurrentViewer().catch(() => null);
  if (!viewer) return { viewer: null };
  const facts: TroubleshootFacts = { viewer: { email: viewer.email, name: viewer.name } };
  try {
    facts.sites = (await listSitesOfViewer(await getDb(), viewer)).map(({ id, cloudId, name, url, role }) => ({ id, cloudId, name, url, role }));
  } catch (error) {
    logger.warn({ err: String(error) }, 'troubleshooter: sites unavailable');
    facts.sitesUnavailable = 'Greenlight could not load your sites just now';
    return facts;
  }
  const site = findSite(facts, inputs.site);
  if (site && inputs.app) {
    const apps = await fetchSiteApps(site.id);
    if ('apps' in apps) facts.apps = apps.apps;
    else facts.appsUnavailable = apps.unavailable;
  }
  return facts;
}

/**
 * The site's apps through GET /api/sites/{siteId}/apps, with the visitor's own cookies, so the
 * API's policy decides what they may see. (There is no lib/ function for the app registry yet.)
 */
async function fetchSiteApps(siteId: string): Promise<{ apps: FactApp[] } | { unavailable: string }> {
  const origin = await ownOrigin();
  if (!origin) return { unavailable: 'Greenlight could not look up the app just now' };
  const cookieHeader = (await cookies())
    .getAll()
    .map((cookie) => `${cookie.name}=${cookie.value}`)
    .join('; ');
  try {
    const response = await fetch(`${origin}/api/sites/${encodeURIComponent(siteId)}/apps`, {
      headers: { cookie: cookieHeader, accept: 'application/json' },
      cache: 'no-store',
      signal: AbortSignal.timeout(APPS_TIMEOUT_MS),
    });
    if (!response.ok) return { unavailable: `looking up the app failed (${response.status})` };
    const body = (await response.json()) as { apps?: FactApp[] };
    return Array.isArray(body.apps) ? { apps: body.apps } : { unavailable: 'looking up the app gave an unexpected answer' };
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    return { unavailable: timedOut ? 'looking up the app took too long' : 'Greenlight could not look up the app just now' };
  }
}

// Only the configured origin, or this machine in development: never a Host header sent by a
// client, which would make the server send the visitor's cookies wherever that header points.
async function ownOrigin(): Promise<string | undefined> {
  const configured = getConfig().NEXTAUTH_URL;
  if (configured) return new URL(configured).origin;
  const host = (await headers()).get('host') ?? '';
  return /^(localhost|127\.0\.0\.1)(:\d+)?$/.test(host) ? `http://${host}` : undefined;
}
