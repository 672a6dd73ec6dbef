/** "Step 2 of about 4": the steps taken, and the fewest left to an answer. */
export function WizardProgress({ step, remaining }: { step: number; remaining: number }) {
  const total = step + remaining;
  const label = remaining === 0 ? `Step ${step}: your answer` : `Step ${step} of about ${total}`;
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
