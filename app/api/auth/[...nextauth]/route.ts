// GET/POST /api/auth/* – next-auth: sign-in (Atlassian 3LO or demo), callback, session, sign-out.
import NextAuth from 'next-auth';
import { getAuthOptions } from '@/lib/auth/options';

export const dynamic = 'force-dynamic';

type NextAuthContext = { params: Promise<{ nextauth: string[] }> };

function handle(request: Request, context: NextAuthContext): Promise<Response> {
  // Options are built per request, from the runtime configuration rather than the build's.
  return NextAuth(request as never, context as never, getAuthOptions()) as Promise<Response>;
}

export { handle as GET, handle as POST };
