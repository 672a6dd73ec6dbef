import clsx from 'clsx';
import type { ReactNode } from 'react';

const STYLES = {
  note: { label: 'Note', box: 'border-sky-300 bg-sky-50 dark:border-sky-700 dark:bg-sky-950/40' },
  tip: { label: 'Tip', box: 'border-brand-500 bg-brand-50 dark:border-brand-700 dark:bg-brand-900/30' },
  warning: {
    label: 'Warning',
    box: 'border-amber-400 bg-amber-50 dark:border-amber-600 dark:bg-amber-950/40',
  },
  danger: { label: 'Important', box: 'border-red-400 bg-red-50 dark:border-red-700 dark:bg-red-950/40' },
} as const;

export type CalloutType = keyof typeof STYLES;

export function Callout({
  type = 'note',
  title,
  children,
}: {
  type?: CalloutType;
  title?: string;
  children: ReactNode;
}) {
  const style = STYLES[type] ?? STYLES.note;
  return (
    <aside className={clsx('not-prose my-6 rounded-md border-l-4 px-4 py-3 text-sm leading-6', style.box)}>
      <p className="font-semibold">{title ?? style.label}</p>
      <div className="mt-1 space-y-2 [&_a]:underline [&_ol]:list-decimal [&_ol]:pl-5 [&_ul]:list-disc [&_ul]:pl-5">
        {children}
      </div>
    </aside>
  );
}
