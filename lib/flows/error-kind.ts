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
