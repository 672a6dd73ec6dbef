import { useTranslations } from 'next-intl';
import type { LocalizedTable } from './localize-dataset';

/** A dataset as a real table, with a caption and column headers; numbers align right. */
export function DatasetTable({ table, caption }: { table: LocalizedTable; caption: string }) {
  const t = useTranslations('Insights');
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="mb-2 text-left text-sm text-slate-600 dark:text-slate-400">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300 dark:border-slate-600">
            {table.columns.map((column) => (
              <th key={column} scope="col" className="px-2 py-1.5 font-semibold">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.length === 0 ? (
            <tr>
              <td colSpan={table.columns.length} className="px-2 py-2 text-slate-600 dark:text-slate-400">
                {t('nothingInRange')}
              </td>
            </tr>
          ) : (
            table.rows.map((row, rowIndex) => (
              <tr key={rowIndex} className="border-b border-slate-200 last:border-0 dark:border-slate-800">
                {row.map((cell, cellIndex) =>
                  cellIndex === 0 ? (
                    <th key={cellIndex} scope="row" className="px-2 py-1.5 font-normal">
                      {cell ?? '–'}
                    </th>
                  ) : (
                    <td
                      key={cellIndex}
                      className={`px-2 py-1.5 ${table.numeric[cellIndex] ? 'text-right tabular-nums' : ''}`}
                    >
                      {cell ?? '–'}
                    </td>
                  ),
                )}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
