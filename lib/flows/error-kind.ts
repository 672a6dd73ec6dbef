/**
 * What kind of Atlassian error a visitor pasted, for the checks that route the troubleshooter.
 * Greenlight's own: the two texts are Atlassian's fixed messages, matched loosely (quotes, case,
 * line breaks) so a paste from a JSON body or a screenshot transcription still counts. Search
 * recognises the same texts with its signature matcher; flows may not import lib/search.
 */
export type PastedErrorKind = 'ip-rejected' | 'no-product-access';

const IP_REJECTED = /ip\s+address\s+has\s+been\s+rejected|not\s+on\s+the\s+allowed\s+list/i;
const NO_PRODUCT_ACCESS =
  /requires\s+access\s+to\s+an?\s+[^.]{1,120}?\s+site\s+which\s+you\s+don[’'`]?t\s+have|need\s+to\s+allow\s+the\s+app\s+to\s+access\s+atlassian\s+products/i;

/** The kind of error in the pasted text, or undefined when it is neither (or nothing was pasted). */
export function pastedErrorKind(text: string | undefined | null): PastedErrorKind | undefined {
  if (!text) return undefined;
  const bounded = text.slice(0, 4000);
  if (IP_REJECTED.test(bounded)) return 'ip-rejected';
  if (NO_PRODUCT_ACCESS.test(bounded)) return 'no-product-access';
  return undefined;
}

const PRODUCT_LIST =
  /requires\s+access\s+to\s+an?\s+([^.]{1,120}?)\s+site\s+which\s+you\s+don[’'`]?t\s+have/i;
const IPV4 = /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])/g;
const IPV6_CANDIDATE = /(?<![\w:])(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?![\w:])/gi;

/** The products the missing-product message names ("Jira & Jira Service Management"), if any. */
export function productsFromError(text: string | undefined | null): string | undefined {
  const match = text ? PRODUCT_LIST.exec(text.slice(0, 4000)) : null;
  return match?.[1]?.trim() || undefined;
}

const isIPv4 = (value: string) => value.split('.').every((part) => Number(part) <= 255);
const isIPv6 = (value: string) => {
  try {
    return new URL(`http://[${value}]/`).hostname.length > 2;
  } catch {
    return false;
  }
};

/**
 * An IP address that appears in the paste. Atlassian's refusal names none, but people paste it with
 * the log line or the curl output around it, which often does; shown so the admin knows what to allow.
 */
export function ipFromError(text: string | undefined | null): string | undefined {
  if (!text) return undefined;
  const bounded = text.slice(0, 4000);
  const v4 = [...bounded.matchAll(IPV4)].map((m) => m[0]).find(isIPv4);
  if (v4) return v4;
  return [...bounded.matchAll(IPV6_CANDIDATE)].map((m) => m[0]).find(isIPv6);
}
