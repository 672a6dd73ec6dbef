import { useTranslations } from 'next-intl';

/** "Step 2 of about 4": the steps taken, and the fewest left to an answer. */
export function WizardProgress({ step, remaining }: { step: number; remaining: number }) {
  const t = useTranslations('Wizard');
  const total = step + remaining;
  const label = remaining === 0 ? t('stepAnswer', { step }) : t('stepOfAbout', { step, total });
  return (
    <div className="space-y-1">
      <p id="wizard-progress-label" className="text-sm font-medium text-slate-600 dark:text-slate-400">
        {label}
      </p>
      <progress
        aria-labelledby="wizard-progress-label"
        className="h-2 w-full overflow-hidden rounded-full accent-brand-600"
        value={step}
        max={total}
      />
    </div>
  );
}
