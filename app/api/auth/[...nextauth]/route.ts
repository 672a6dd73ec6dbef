// GET/POST /api/auth/* – next-auth: sign-in (Atlassian 3LO or demo), callback, session, sign-out.
import NextAuth from 'next-auth';
import { getAuthOptions } from '@/lib/auth/options';
import { findDemoUser } from '@/lib/demo/demo-accounts';
import { AppError } from '@/lib/errors';
import { errorResponse } from '@/lib/http/route';
import { routing } from '@/lib/i18n/routing';
import { browsingLocale } from '@/lib/i18n/negotiate-locale';

export const dynamic = 'force-dynamic';

type NextAuthContext = { params: Promise<{ nextauth: string[] }> };

async function handle(request: Request, context: NextAuthContext): Promise<Response> {
  const [action, providerId] = (await context.params).nextauth ?? [];
  // A sign-in finishes at the callback: the language the person was browsing in becomes theirs.
  const options = getAuthOptions(findDemoUser, action === 'callback' ? signInLocaleOf(request) : undefined);
  // next-auth throws (and answers 500) on a GET to a credentials provider's callback, which only
  // takes the POSTed form: answer that plainly instead (found by fuzzing the auth routes).
  if (request.method === 'GET' && action === 'callback') {
    // A provider's own id (e.g. "demo") is in its options until next-auth merges them in.
    const provider = options.providers.find(
      (candidate) =>
        ((candidate as { options?: { id?: string } }).options?.id ?? candidate.id) === providerId,
    );
    if (provider?.type === 'credentials') {
      const refused = new AppError('method_not_allowed', 'Sign in from the sign-in page.', {
        allow: 'POST',
      });
      return errorResponse(refused, crypto.randomUUID());
    }
  }
  // Options are built per request, from the runtime configuration rather than the build's.
  return NextAuth(request as never, context as never, options) as Promise<Response>;
}

function signInLocaleOf(request: Request) {
  const cookieName = typeof routing.localeCookie === 'object' ? routing.localeCookie.name : undefined;
  const cookie = cookieName
    ? request.headers
        .get('cookie')
        ?.split(';')
        .map((pair) => pair.trim().split('='))
        .find(([name]) => name === cookieName)?.[1]
    : undefined;
  return browsingLocale(cookie, request.headers.get('accept-language'));
}

export { handle as GET, handle as POST };
