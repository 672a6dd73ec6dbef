import { Link } from '@/lib/i18n/navigation';

const SECTIONS = [
  { href: '/admin', label: 'Requests' },
  { href: '/admin/pre-approved', label: 'Pre-approved apps' },
  { href: '/admin/audit', label: 'Audit log' },
  { href: '/admin/routes', label: 'Fallback routes' },
  { href: '/admin/organization', label: 'Organization' },
] as const;

/** The admin console's sections; `current` marks the page the admin is on. */
export function AdminNav({ current }: { current: (typeof SECTIONS)[number]['href'] }) {
  return (
    <nav aria-label="Admin console" className="mb-6 border-b border-slate-200 dark:border-slate-800">
      <ul className="flex flex-wrap gap-1">
        {SECTIONS.map((section) => (
          <li key={section.href}>
            <Link
              href={section.href}
              aria-current={section.href === current ? 'page' : undefined}
              className="-mb-px inline-block border-b-2 border-transparent px-3 py-2 text-sm font-medium text-slate-700 hover:text-brand-700 aria-[current=page]:border-brand-600 aria-[current=page]:text-brand-800 dark:text-slate-300 dark:hover:text-brand-500 dark:aria-[current=page]:border-brand-500 dark:aria-[current=page]:text-white"
            >
              {section.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
