import { Link } from '@/lib/i18n/navigation';
import type { Audience } from '@/lib/content/schema';

const WHO: Record<Audience, { title: string; text: string; link?: { href: string; label: string } }> = {
  everyone: {
    title: 'Who can do this: anyone with an Atlassian account',
    text: 'You do not need admin rights for the steps in this article.',
  },
  'site-admin': {
    title: 'Who can do this: site admins and organization admins',
    text: 'If you are not an admin of the site, ask one to follow these steps.',
    link: { href: '/articles/find-your-site-admins', label: 'Find your site admins' },
  },
  'org-admin': {
    title: 'Who can do this: organization admins',
    text: 'Only an admin of your Atlassian organization can change these settings.',
    link: { href: '/articles/org-admin-vs-site-admin-vs-product-admin', label: 'Which admin am I?' },
  },
  developer: {
    title: 'Who this is for: app developers',
    text: 'These steps are for the people who build or configure the app, in its developer console or code.',
  },
};

export function WhoCanDoThis({ audience }: { audience: Audience }) {
  const who = WHO[audience];
  return (
    <aside
      aria-label="Who can do this"
      className="rounded-md border border-slate-200 bg-slate-50 px-4 py-3 text-sm dark:border-slate-700 dark:bg-slate-900"
    >
      <p className="font-semibold">{who.title}</p>
      <p className="mt-1 text-slate-700 dark:text-slate-300">
        {who.text}{' '}
        {who.link ? (
          <Link href={who.link.href} className="font-medium text-brand-700 underline dark:text-brand-500">
            {who.link.label}
          </Link>
        ) : null}
      </p>
    </aside>
  );
}
