import { authorizeStanding, type SiteRole } from '@/lib/auth/roles';
import type { RequestedConsentOnSite } from '@/lib/directory/list-apps-on-site';
import type { CheckResults, UnavailableReason } from './checks';
import { ipFromError, pastedErrorKind, productsFromError } from './error-kind';
import type { WizardInputs } from './inputs';
import type { TemplateValues } from './template';

/** A site as the troubleshooter needs it (from the directory). */
export interface FactSite {
  id: string;
  cloudId: string;
  name: string;
  url: string;
  role: SiteRole;
}

/** An app on the site, in the shape of GET /api/sites/{siteId}/apps. */
export interface FactApp {
  id: string;
  name: string;
  vendor?: string;
  scopes: string[];
  clientId?: string | null;
  status: 'authorized' | 'not-authorized';
  request?: {
    id: string;
    status: 'open' | 'approved' | 'denied' | 'withdrawn' | 'expired';
    reason?: string | null;
  } | null;
}

/** What the server found out before choosing a step; each part may be missing, with a reason. */
export interface TroubleshootFacts {
  viewer: { email: string; name: string } | null;
  sites?: FactSite[];
  sitesUnavailable?: UnavailableReason;
  apps?: FactApp[];
  appsUnavailable?: UnavailableReason;
  /** For a site admin: the consent page of an open request for the app, when one carries it. */
  requestedConsent?: RequestedConsentOnSite | null;
}

export const siteHostOf = (site: Pick<FactSite, 'url'>) => {
  try {
    return new URL(site.url).hostname.toLowerCase();
  } catch {
    return site.url.toLowerCase();
  }
};

export function findSite(facts: TroubleshootFacts, host: string | undefined): FactSite | undefined {
  return host ? facts.sites?.find((site) => siteHostOf(site) === host) : undefined;
}

/** The app named in the link, by id or by name (case-insensitive). */
export function findApp(facts: TroubleshootFacts, app: string | undefined): FactApp | undefined {
  if (!app) return undefined;
  const wanted = app.trim().toLowerCase();
  return facts.apps?.find(
    (candidate) => candidate.id.toLowerCase() === wanted || candidate.name.toLowerCase() === wanted,
  );
}

/**
 * Turns facts into check answers. A check that cannot answer says why, as a reason code: the wizard
 * words it in the reader's language above the question it asks instead.
 */
export function checkResultsFrom(inputs: WizardInputs, facts: TroubleshootFacts): CheckResults {
  const kind = pastedErrorKind(inputs.error);
  const results: CheckResults = {
    'signed-in': { answer: facts.viewer ? 'yes' : 'no' },
    'error-ip-rejected': { answer: kind === 'ip-rejected' ? 'yes' : 'no' },
    'error-no-product-access': { answer: kind === 'no-product-access' ? 'yes' : 'no' },
  };
  const siteReason: UnavailableReason | undefined = !facts.viewer
    ? { code: 'signed-out' }
    : !inputs.site
      ? { code: 'site-not-given' }
      : facts.sitesUnavailable;
  if (siteReason) {
    results['member-of-site'] =
      results['site-admin'] =
      results['admin-to-confirm'] =
        {
          unavailable: siteReason,
        };
    results['app-authorized'] = results['open-request-exists'] = { unavailable: siteReason };
    return results;
  }
  const site = findSite(facts, inputs.site);
  results['member-of-site'] = { answer: site ? 'yes' : 'no' };
  // The role model decides (roles.ts): org and site admins go to the admin branch; product and
  // app admins are asked first; nobody else is treated as an admin.
  const standing = site ? authorizeStanding(site.role) : 'cannot-authorize';
  results['site-admin'] = { answer: standing === 'can-authorize' ? 'yes' : 'no' };
  results['admin-to-confirm'] = { answer: standing === 'must-confirm' ? 'yes' : 'no' };
  const app = findApp(facts, inputs.app);
  const appReason: UnavailableReason | undefined = !inputs.app
    ? { code: 'app-not-given' }
    : facts.appsUnavailable
      ? facts.appsUnavailable
      : !app
        ? { code: 'app-unknown', app: inputs.app, site: inputs.site ?? '' }
        : undefined;
  if (appReason || !app) {
    results['app-authorized'] = results['open-request-exists'] = {
      unavailable: appReason ?? { code: 'apps-unavailable' },
    };
    return results;
  }
  results['app-authorized'] = { answer: app.status === 'authorized' ? 'yes' : 'no' };
  results['open-request-exists'] = { answer: app.request?.status === 'open' ? 'yes' : 'no' };
  return results;
}

/** Values for {placeholders}: what the URL said, improved by what the server knows. */
export function templateValuesFrom(inputs: WizardInputs, facts: TroubleshootFacts): TemplateValues {
  const site = findSite(facts, inputs.site);
  const app = findApp(facts, inputs.app);
  return {
    site: inputs.site,
    siteName: site?.name ?? inputs.site,
    cloudId: site?.cloudId,
    app: app?.name ?? inputs.app,
    email: facts.viewer?.email,
    product: productsFromError(inputs.error),
    ip: ipFromError(inputs.error),
  };
}
