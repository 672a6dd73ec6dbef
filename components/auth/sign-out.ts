// Signing out the way next-auth/react's signOut does (CSRF token, then a form POST to
// /api/auth/signout), without shipping next-auth/react (about 14 KB gzipped) to every page for one
// button: the header is on every page.

export async function signOut(callbackUrl = '/'): Promise<void> {
  const csrf = await fetch('/api/auth/csrf', { credentials: 'same-origin', cache: 'no-store' });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch('/api/auth/signout', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrfToken, callbackUrl, json: 'true' }),
  });
  const { url } = (await response.json().catch(() => ({}))) as { url?: string };
  // A full navigation: every cached signed-in view (react-query, server components) starts over.
  window.location.assign(url ?? callbackUrl);
}
