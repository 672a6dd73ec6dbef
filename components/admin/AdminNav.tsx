import { useTranslations } from 'next-intl';
import { Link } from '@/lib/i18n/navigation';

const SECTIONS = [
  { href: '/admin', label: 'AdminNav.requests' },
  { href: '/admin/pre-approved', label: 'AdminNav.preApproved' },
  { href: '/admin/audit', label: 'AdminNav.audit' },
  { href: '/admin/routes', label: 'AdminNav.routes' },
  { href: '/admin/organization', label: 'AdminNav.organization' },
] as const;

/** The admin console's sections; `current` marks the page the admin is on. */
export function AdminNav({ current }: { current: (typeof SECTIONS)[number]['href'] }) {
  const t = useTranslations();
  return (
    <nav aria-label={t('AdminNav.label')} className="mb-6 border-b border-slate-200 dark:border-slate-800">
      <ul className="flex flex-wrap gap-1">
        {SECTIONS.map((section) => (
          <li key={section.href}>
            <Link
              href={section.href}
              aria-current={section.href === current ? 'page' : undefined}
              className="-mb-px inline-block border-b-2 border-transparent px-3 py-2 text-sm font-medium text-slate-700 hover:text-brand-700 aria-[current=page]:border-brand-600 aria-[current=page]:text-brand-800 dark:text-slate-300 dark:hover:text-brand-500 dark:aria-[current=page]:border-brand-500 dark:aria-[current=page]:text-white"
            >
              {t(section.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
