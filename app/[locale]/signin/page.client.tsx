'use client';

import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { DemoRole } from '@/lib/demo/demo-accounts';

export interface DemoAccountChoice {
  email: string;
  name: string;
  roles: DemoRole[];
}

const buttonClass =
  'w-full rounded-lg border border-slate-200 px-4 py-3 text-left hover:border-brand-500 hover:bg-brand-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-brand-500 disabled:opacity-60 dark:border-slate-800 dark:hover:bg-slate-900';

/** One click per demo person; the demo provider accepts seeded e-mail addresses only. */
export function DemoSignInList({
  accounts,
  callbackUrl,
}: {
  accounts: DemoAccountChoice[];
  callbackUrl: string;
}) {
  const t = useTranslations('SignIn');
  const [pending, setPending] = useState<string | null>(null);
  const roleText = (role: DemoRole) =>
    role.kind === 'org-admin'
      ? t('roleOrgAdmin', { organization: role.organization })
      : role.kind === 'site-admin'
        ? t('roleSiteAdmin', { site: role.site })
        : t('roleUser', { site: role.site });
  return (
    <ul className="grid gap-3" aria-label={t('demoAccounts')}>
      {accounts.map((account) => (
        <li key={account.email}>
          <button
            type="button"
            className={buttonClass}
            disabled={pending !== null}
            aria-busy={pending === account.email}
            onClick={() => {
              setPending(account.email);
              void signIn('demo', { email: account.email, callbackUrl });
            }}
          >
            <span className="block font-semibold text-slate-900 dark:text-white">
              {t('signInAs', { name: account.name })}
              {pending === account.email ? <span className="font-normal text-slate-500"> …</span> : null}
            </span>
            <span className="block text-sm text-slate-600 dark:text-slate-400">{account.email}</span>
            <span className="mt-1 block text-sm text-slate-700 dark:text-slate-300">
              {account.roles.map(roleText).join(' · ')}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

export function AtlassianSignInButton({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations('SignIn');
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signIn('atlassian', { callbackUrl });
      }}
      className="w-full rounded-lg bg-[#0052cc] px-4 py-3 font-semibold text-white hover:bg-[#0747a6] focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-[#0052cc] disabled:opacity-60"
    >
      {pending ? t('openingAtlassian') : t('withAtlassian')}
    </button>
  );
}
