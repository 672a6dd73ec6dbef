/**
 * Pages prerendered at build time, served to signed-out readers with a hash-based script policy.
 *
 * A page rendered per request costs a full React render; the article, the home page and the
 * troubleshooter's first step are the same for every signed-out reader, so `next build` renders
 * them once (app/prerendered). Their HTML has no nonce, so their policy lists the SHA-256 of each
 * inline script instead (scripts/prerendered-csp.ts reads them from the built HTML into a
 * manifest): the policy stays as strict as the nonce one, since a script that is not byte for byte
 * one of the build's own does not run. Signed-in readers, and any request whose page could depend
 * on the visitor (a query string, a session cookie), get the page rendered per request with a
 * nonce, as before.
 */

/** What scripts/prerendered-csp.ts writes next to the build. */
export interface PrerenderedManifest {
  version: 1;
  /** The content the pages were rendered from (contentFingerprint); another content disables them. */
  content: string;
  /** Route path under app/prerendered (`/en`, `/de/articles/x`) → its inline scripts' hash sources. */
  pages: Record<string, string[]>;
}

export const PRERENDERED_MANIFEST_FILE = 'prerendered-csp.json';

/**
 * The hash source (`'sha256-…'`) of every inline script in an HTML document, in order. A browser
 * hashes a script's text as it stands between the tags (script text has no character references).
 */
export async function inlineScriptHashes(html: string): Promise<string[]> {
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const [, attributes, text] = match;
    if (/\ssrc\s*=/i.test(` ${attributes}`)) continue;
    hashes.push(`'sha256-${await sha256Base64(text ?? '')}'`);
  }
  return [...new Set(hashes)];
}

async function sha256Base64(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return btoa(String.fromCharCode(...digest));
}

/** next-auth's session cookie, secure or not, whole or split in chunks (`name.0`, `name.1`). */
const SESSION_COOKIE = /^(?:__Secure-)?next-auth\.session-token(?:\.\d+)?$/;

/** Whether a Cookie header carries a session: such a reader's header shows their name. */
export function hasSessionCookie(cookieHeader: string | null): boolean {
  if (!cookieHeader) return false;
  return cookieHeader.split(';').some((part) => {
    const name = part.slice(0, part.indexOf('=')).trim();
    return SESSION_COOKIE.test(name);
  });
}

export interface PageRequest {
  /** The page's route path with its language (`/en/articles/x`, `/de`), after language routing. */
  localePath: string;
  search: URLSearchParams;
  cookie: string | null;
}

/**
 * The inline-script hashes to serve this request's prerendered page with, or null to render it per
 * request: no manifest (a development server, a build without one), a path the build did not
 * prerender, a query string (`_rsc` aside: the router's own cache key for the same page), or a
 * session cookie (even an expired one: the page says the session ended).
 */
export function prerenderedScriptHashes(
  manifest: PrerenderedManifest | null,
  request: PageRequest,
): string[] | null {
  if (!manifest) return null;
  const hashes = Object.hasOwn(manifest.pages, request.localePath)
    ? manifest.pages[request.localePath]
    : undefined;
  if (!hashes) return null;
  for (const name of request.search.keys()) if (name !== '_rsc') return null;
  if (hasSessionCookie(request.cookie)) return null;
  return hashes;
}

/** Whether parsed JSON is a manifest this code understands; anything else turns the fast path off. */
export function isPrerenderedManifest(value: unknown): value is PrerenderedManifest {
  const manifest = value as Partial<PrerenderedManifest> | null;
  return (
    !!manifest &&
    manifest.version === 1 &&
    typeof manifest.content === 'string' &&
    !!manifest.pages &&
    typeof manifest.pages === 'object' &&
    Object.values(manifest.pages).every(
      (hashes) => Array.isArray(hashes) && hashes.every((hash) => /^'sha256-[A-Za-z0-9+/]+=*'$/.test(hash)),
    )
  );
}
