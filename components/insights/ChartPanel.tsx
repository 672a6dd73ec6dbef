import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { DatasetTable } from './DatasetTable';
import type { LocalizedTable } from './localize-dataset';

interface ChartPanelProps {
  headingId: string;
  title: string;
  description?: string;
  table: LocalizedTable;
  csvHref: string;
  /** The chart island; omitted for datasets that are a table only (comments). */
  chart?: ReactNode;
  /** Tables without a chart are open from the start. */
  tableOpen?: boolean;
}

/** One insight: heading, chart, the same figures as a table (a <details> anyone can open) and CSV. */
export function ChartPanel({
  headingId,
  title,
  description,
  table,
  csvHref,
  chart,
  tableOpen = !chart,
}: ChartPanelProps) {
  const t = useTranslations('Insights');
  return (
    <section aria-labelledby={headingId} className="card space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={headingId} className="text-lg font-semibold">
          {title}
        </h3>
        <a
          href={csvHref}
          className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-500"
          download
        >
          {t('downloadCsv')}
          <span className="sr-only">: {title}</span>
        </a>
      </div>
      {description ? <p className="text-sm text-slate-600 dark:text-slate-400">{description}</p> : null}
      {chart && table.rows.length > 0 ? chart : null}
      {chart && table.rows.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t('nothingInRange')}</p>
      ) : null}
      <details open={tableOpen} className="group">
        <summary className="cursor-pointer text-sm font-medium text-slate-700 dark:text-slate-300">
          <span className="group-open:hidden">{t('showTable')}</span>
          <span className="hidden group-open:inline">{t('hideTable')}</span>
          <span className="sr-only">: {title}</span>
        </summary>
        <div className="mt-2">
          <DatasetTable table={table} caption={title} />
        </div>
      </details>
    </section>
  );
}
