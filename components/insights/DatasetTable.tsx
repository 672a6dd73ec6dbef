import type { InsightsDataset } from '@/lib/insights/insights-datasets';

/** A dataset as a real table, with a caption and column headers; numbers align right. */
export function DatasetTable({ dataset, caption }: { dataset: InsightsDataset; caption?: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="mb-2 text-left text-sm text-slate-600 dark:text-slate-400">
          {caption ?? dataset.title}
        </caption>
        <thead>
          <tr className="border-b border-slate-300 dark:border-slate-600">
            {dataset.columns.map((column) => (
              <th key={column} scope="col" className="px-2 py-1.5 font-semibold">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {dataset.rows.length === 0 ? (
            <tr>
              <td colSpan={dataset.columns.length} className="px-2 py-2 text-slate-600 dark:text-slate-400">
                Nothing in this date range.
              </td>
            </tr>
          ) : (
            dataset.rows.map((row, rowIndex) => (
              <tr key={rowIndex} className="border-b border-slate-200 last:border-0 dark:border-slate-800">
                {row.map((cell, cellIndex) =>
                  cellIndex === 0 ? (
                    <th key={cellIndex} scope="row" className="px-2 py-1.5 font-normal">
                      {cell ?? '–'}
                    </th>
                  ) : (
                    <td
                      key={cellIndex}
                      className={`px-2 py-1.5 ${typeof cell === 'number' ? 'text-right tabular-nums' : ''}`}
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
