import { useLocale, useTranslations } from 'next-intl';
import { isLocale, localePath } from '@/lib/i18n/locales';
import {
  RANGE_PRESETS,
  rangeSearchParams,
  type InsightsRange,
  type RangePreset,
} from '@/lib/insights/date-range';

/**
 * Presets as links and a custom from/to as a GET form: the range lives in the URL, no script needed.
 * `path` is unprefixed; links and the form keep the reader's language.
 *
 * The presets are plain links, loaded as a whole page like the form. A client-side navigation
 * (next/link) does not work here on English pages: next.config.ts rewrites them to /en, and
 * Next.js 16 then answers the router's prefetch with an empty x-nextjs-rewritten-query, so the
 * router takes `?range=7d` for the page already shown and never fetches it (the URL changed,
 * the figures did not).
 */
export function RangeFilter({ range, path }: { range: InsightsRange; path: string }) {
  const t = useTranslations('Insights');
  const locale = useLocale();
  const presets = Object.keys(RANGE_PRESETS) as RangePreset[];
  const action = isLocale(locale) ? localePath(locale, path) : path;
  return (
    <div className="flex flex-wrap items-end gap-x-6 gap-y-3" role="group" aria-labelledby="range-heading">
      <h2 id="range-heading" className="sr-only">
        {t('range.heading')}
      </h2>
      <nav aria-label={t('range.presets')}>
        <ul className="flex flex-wrap gap-2">
          {presets.map((preset) => {
            const current = range.preset === preset;
            return (
              <li key={preset}>
                <a
                  href={`${action}?${rangeSearchParams({ preset, from: '', to: '' }).toString()}`}
                  aria-current={current ? 'page' : undefined}
                  className={current ? 'btn-primary' : 'btn-secondary'}
                >
                  {t('range.last', { days: RANGE_PRESETS[preset] })}
                </a>
              </li>
            );
          })}
        </ul>
      </nav>
      <form action={action} method="get" className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="range" value="custom" />
        <label className="text-sm">
          <span className="mb-1 block font-medium">{t('range.from')}</span>
          <input type="date" name="from" required defaultValue={range.from} className="input" />
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium">{t('range.to')}</span>
          <input type="date" name="to" required defaultValue={range.to} className="input" />
        </label>
        <button type="submit" className={range.preset === 'custom' ? 'btn-primary' : 'btn-secondary'}>
          {t('range.showCustom')}
        </button>
      </form>
    </div>
  );
}
