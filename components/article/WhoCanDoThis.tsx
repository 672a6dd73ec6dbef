import { useTranslations } from 'next-intl';
import { Link } from '@/lib/i18n/navigation';
import type { Audience } from '@/lib/content/schema';

// Who may follow an article's steps, by its audience; full catalog keys so the message check sees them.
const WHO: Record<Audience, { title: string; text: string; link?: { href: string; label: string } }> = {
  everyone: { title: 'Article.whoEveryoneTitle', text: 'Article.whoEveryoneText' },
  'site-admin': {
    title: 'Article.whoSiteAdminTitle',
    text: 'Article.whoSiteAdminText',
    link: { href: '/articles/find-your-site-admins', label: 'Article.whoSiteAdminLink' },
  },
  'org-admin': {
    title: 'Article.whoOrgAdminTitle',
    text: 'Article.whoOrgAdminText',
    link: { href: '/articles/org-admin-vs-site-admin-vs-product-admin', label: 'Article.whoOrgAdminLink' },
  },
  developer: { title: 'Article.whoDeveloperTitle', text: 'Article.whoDeveloperText' },
};

export function WhoCanDoThis({ audience }: { audience: Audience }) {
  const t = useTranslations('Article');
  const label = useTranslations();
  const who = WHO[audience];
  return (
    <aside
      aria-label={t('whoLabel')}
      className="rounded-md border border-slate-200 bg-slate-50 px-4 py-3 text-sm dark:border-slate-700 dark:bg-slate-900"
    >
      <p className="font-semibold">{label(who.title)}</p>
      <p className="mt-1 text-slate-700 dark:text-slate-300">
        {label(who.text)}{' '}
        {who.link ? (
          <Link href={who.link.href} className="font-medium text-brand-700 underline dark:text-brand-500">
            {label(who.link.label)}
          </Link>
        ) : null}
      </p>
    </aside>
  );
}
