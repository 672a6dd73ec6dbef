import { Link } from '@/lib/i18n/navigation';
import {
  RANGE_PRESETS,
  rangeSearchParams,
  type InsightsRange,
  type RangePreset,
} from '@/lib/insights/date-range';

const PRESET_LABELS: Record<RangePreset, string> = {
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  '90d': 'Last 90 days',
};

/** Presets as links and a custom from/to as a GET form: the range lives in the URL, no script needed. */
export function RangeFilter({ range, path }: { range: InsightsRange; path: string }) {
  const presets = Object.keys(RANGE_PRESETS) as RangePreset[];
  return (
    <div className="flex flex-wrap items-end gap-x-6 gap-y-3" role="group" aria-labelledby="range-heading">
      <h2 id="range-heading" className="sr-only">
        Date range
      </h2>
      <nav aria-label="Date range presets">
        <ul className="flex flex-wrap gap-2">
          {presets.map((preset) => {
            const current = range.preset === preset;
            return (
              <li key={preset}>
                <Link
                  href={`${path}?${rangeSearchParams({ preset, from: '', to: '' }).toString()}`}
                  aria-current={current ? 'page' : undefined}
                  className={current ? 'btn-primary' : 'btn-secondary'}
                >
                  {PRESET_LABELS[preset]}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <form action={path} method="get" className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="range" value="custom" />
        <label className="text-sm">
          <span className="mb-1 block font-medium">From</span>
          <input type="date" name="from" required defaultValue={range.from} className="input" />
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium">To</span>
          <input type="date" name="to" required defaultValue={range.to} className="input" />
        </label>
        <button type="submit" className={range.preset === 'custom' ? 'btn-primary' : 'btn-secondary'}>
          Show custom range
        </button>
      </form>
    </div>
  );
}
