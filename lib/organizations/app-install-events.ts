import type { AdminEvent, AdminEventObject } from '@/lib/atlassian/admin-schemas';

// Pure: which audit-log events say "this app was installed on this site", and what they name.
//
// UNCONFIRMED (facts §3.4): Atlassian lists "App successful installation/uninstallation" under
// "App actions" in the audit-log activities, but the public sources give neither the action keys
// nor where an event names the app and the site. So an install is any action whose key speaks of
// installing and not of uninstalling, and every object the event carries (context, container) is
// searched for an app (its id, client id, app id, name) and a site (cloud id, host).

export function isAppInstallation(action: string): boolean {
  const key = action.toLowerCase();
  return (
    /install/.test(key) && !/uninstall/.test(key) && /app|ecosystem|plugin|connect|forge|oauth/.test(key)
  );
}

export interface InstallationFacts {
  /** Ids an app may be known by: object ids, client ids, app ids. */
  appIds: string[];
  /** Names, lower case, for apps Greenlight knows without a client id. */
  appNames: string[];
  /** Cloud ids and hosts ("acme.atlassian.net") a site may be named by. */
  siteIds: string[];
  siteHosts: string[];
}

const text = (value: unknown) =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

function hostOf(value: string): string | undefined {
  try {
    return new URL(/^https?:\/\//.test(value) ? value : `https://${value}`).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

function isSiteObject(object: AdminEventObject): boolean {
  return /site|workspace|product|cloud/i.test(object.type ?? '');
}

function isAppObject(object: AdminEventObject): boolean {
  return /app|plugin|client|integration/i.test(object.type ?? '');
}

export function installationFacts(event: AdminEvent): InstallationFacts {
  const facts: InstallationFacts = { appIds: [], appNames: [], siteIds: [], siteHosts: [] };
  const objects = [...event.attributes.context, ...(event.attributes.container ?? [])];
  for (const object of objects) {
    const attributes = object.attributes ?? {};
    if (isSiteObject(object)) {
      facts.siteIds.push(object.id);
      for (const key of ['cloudId', 'siteId']) {
        const value = text(attributes[key]);
        if (value) facts.siteIds.push(value);
      }
      for (const key of ['siteHostName', 'hostName', 'hostUrl', 'url', 'siteName']) {
        const value = text(attributes[key]);
        const host = value ? hostOf(value) : undefined;
        if (host) facts.siteHosts.push(host);
      }
    }
    if (isAppObject(object) || !isSiteObject(object)) {
      facts.appIds.push(object.id);
      for (const key of ['clientId', 'oauthClientId', 'appId', 'appKey']) {
        const value = text(attributes[key]);
        if (value) facts.appIds.push(value);
      }
      for (const key of ['name', 'appName', 'displayName']) {
        const value = text(attributes[key]);
        if (value) facts.appNames.push(value.toLowerCase());
      }
    }
  }
  return facts;
}
