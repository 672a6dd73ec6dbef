// Signs in through next-auth's demo credentials provider over HTTP, exactly as the sign-in page
// does, and returns the Cookie header that carries the session.

function cookiePairs(response: Response): string[] {
  return response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]!);
}

export async function signInWithDemoAccount(baseUrl: string, email: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  if (!csrf.ok) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/demo`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: baseUrl,
      cookie: cookiePairs(csrf).join('; '),
    },
    body: new URLSearchParams({ csrfToken, email, callbackUrl: `${baseUrl}/`, json: 'true' }),
  });
  const session = cookiePairs(response).find((pair) => /^(__Secure-)?next-auth\.session-token=/.test(pair));
  if (!session) throw new Error(`demo sign-in as ${email} set no session cookie (status ${response.status})`);
  return session;
}
