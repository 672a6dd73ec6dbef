export interface HeadlineFigure {
  label: string;
  value: string;
  detail: string;
}

/** The headline numbers as a description list of cards. */
export function HeadlineFigures({ figures }: { figures: HeadlineFigure[] }) {
  return (
    <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {figures.map((figure) => (
        <div key={figure.label} className="card">
          <dt className="text-sm font-medium text-slate-600 dark:text-slate-400">{figure.label}</dt>
          <dd className="mt-1 text-3xl font-bold tabular-nums">{figure.value}</dd>
          <dd className="mt-1 text-sm text-slate-600 dark:text-slate-400">{figure.detail}</dd>
        </div>
      ))}
    </dl>
  );
}
