// Atlassian Cloud site hosts: <name>.atlassian.net, and the older <name>.jira.com / <name>.jira-dev.com.
const SITE_HOST = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.(?:atlassian\.net|jira\.com|jira-dev\.com)$/;
const HOST_IN_TEXT =
  /\b((?:https?:\/\/)?[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.(?:atlassian\.net|jira\.com|jira-dev\.com))\b/gi;
// "…must authorize this app for the site X before…": X may be a host or a bare site name.
const AUTHORIZE_SENTENCE =
  /authori[sz]e\s+this\s+app\s+for\s+the\s+site\s+["'“‘]?([^\s"'”’]+?)["'”’]?[.,;:]?\s+before/i;

/**
 * Normalizes what a visitor types or a link carries as the site: "https://Acme.atlassian.net/jira"
 * and "acme" both become "acme.atlassian.net". Undefined when it is not a site host.
 */
export function normalizeSiteHost(input: string | undefined | null): string | undefined {
  if (!input) return undefined;
  let value = input.trim().toLowerCase().slice(0, 300);
  value = value
    .replace(/^[a-z]+:\/\//, '')
    .split(/[/?#]/, 1)[0]!
    .replace(/:\d+$/, '')
    .replace(/\.$/, '');
  if (/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(value)) value = `${value}.atlassian.net`;
  return SITE_HOST.test(value) ? value : undefined;
}

/** Finds the site host in a pasted error message; undefined when the text names none. */
export function siteFromError(text: string | undefined | null): string | undefined {
  if (!text) return undefined;
  const bounded = text.slice(0, 4000);
  const sentence = AUTHORIZE_SENTENCE.exec(bounded);
  const fromSentence = normalizeSiteHost(sentence?.[1]);
  if (fromSentence) return fromSentence;
  for (const match of bounded.matchAll(HOST_IN_TEXT)) {
    const host = normalizeSiteHost(match[1]);
    if (host) return host;
  }
  return undefined;
}
