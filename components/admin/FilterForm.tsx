import { useLocale, useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { isLocale, localePath } from '@/lib/i18n/locales';

export interface FilterOption {
  value: string;
  label: string;
}

/**
 * A plain GET form for the admin console's filters: they live in the URL, so a filtered view can be
 * bookmarked, shared and reloaded, and it works without JavaScript. `action` is the unprefixed
 * path; the form posts to it in the reader's language (a plain form is no next-intl Link).
 */
export function FilterForm({
  action,
  label,
  children,
}: {
  action: string;
  label: string;
  children: ReactNode;
}) {
  const t = useTranslations('Admin');
  const locale = useLocale();
  return (
    <form
      method="get"
      action={isLocale(locale) ? localePath(locale, action) : action}
      className="mb-6 flex flex-wrap items-end gap-4"
      aria-label={label}
    >
      {children}
      <button type="submit" className="btn-secondary">
        {t('applyFilters')}
      </button>
    </form>
  );
}

/** One labelled filter; `anyLabel` is the empty choice ("All my sites"), omitted when there is none. */
export function FilterSelect({
  label,
  name,
  value,
  anyLabel,
  options,
}: {
  label: string;
  name: string;
  value: string | undefined;
  anyLabel?: string;
  options: readonly FilterOption[];
}) {
  return (
    <label className="text-sm font-medium">
      {label}
      <select name={name} defaultValue={value ?? ''} className="input mt-1 py-1.5">
        {anyLabel !== undefined ? <option value="">{anyLabel}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
