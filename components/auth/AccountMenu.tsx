import { useTranslations } from 'next-intl';
import type { SessionStatus } from '@/lib/auth/current-viewer';
import { SignInLink } from './SignInLink';
import { SignOutButton } from './SignOutButton';

/**
 * The header's account corner: the signed-in name and "Sign out", or "Sign in". Rendered on the
 * server from the session cookie (every page is rendered per request anyway, for its CSP nonce),
 * so it is right in the first paint and costs no request.
 */
export function AccountMenu({ session }: { session: SessionStatus }) {
  const t = useTranslations('Auth');
  if (session.status === 'signed-out') return <SignInLink label={t('signIn')} />;
  if (session.status === 'ended') {
    return (
      <span className="flex items-center gap-2 text-sm">
        <span className="text-slate-600 dark:text-slate-400">{t('sessionEnded')}</span>
        <SignInLink label={t('signInAgain')} />
      </span>
    );
  }
  const { viewer } = session;
  return (
    <span className="flex min-w-0 items-center gap-2 text-sm">
      <span className="truncate text-slate-700 dark:text-slate-300" title={viewer.email}>
        {/* One text node: the name follows the words directly in the server's HTML. */}
        <span className="sr-only">{`${t('signedInAs')} `}</span>
        {viewer.name || viewer.email}
      </span>
      <SignOutButton />
    </span>
  );
}
