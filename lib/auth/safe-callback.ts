/**
 * Where to go after sign-in: a same-origin path only. Anything else (another host, a protocol-
 * relative "//evil", a backslash trick) becomes "/", so sign-in can never be an open redirect.
 */
export function safeCallbackPath(
  value: string | null | undefined,
  origin = 'http://greenlight.invalid',
): string {
  if (!value) return '/';
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return '/';
  }
  if (url.origin !== origin) return '/';
  if (!value.startsWith('/') && !value.startsWith(origin)) return '/';
  if (value.startsWith('//') || value.startsWith('/\\')) return '/';
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Checked again on the way out: parsing removes dot segments, so "/.//evil.example" comes out as
  // "//evil.example", which a browser reads as another host.
  return /^\/[\/\\]/.test(path) ? '/' : path;
}
