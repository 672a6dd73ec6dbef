import { useTranslations } from 'next-intl';
import type { WizardInputs } from '@/lib/flows/inputs';

/**
 * The site, app and error the wizard works with; changing them starts over (a plain GET form, so
 * `action` is the wizard's address in the reader's language).
 */
export function WizardInputsForm({ action, inputs }: { action: string; inputs: WizardInputs }) {
  const t = useTranslations('Wizard');
  return (
    <div className="space-y-2 text-sm">
      <dl className="flex flex-wrap gap-x-6 gap-y-1">
        <div>
          <dt className="inline font-semibold">{t('siteTerm')} </dt>
          <dd className="inline">{inputs.site ?? t('notGiven')}</dd>
          {inputs.siteFromError ? (
            <span className="text-slate-600 dark:text-slate-400"> {t('fromErrorText')}</span>
          ) : null}
        </div>
        <div>
          <dt className="inline font-semibold">{t('appTerm')} </dt>
          <dd className="inline">{inputs.app ?? t('notGiven')}</dd>
        </div>
      </dl>
      <details className="rounded-md border border-slate-200 p-3 dark:border-slate-700" open={!inputs.site}>
        <summary className="cursor-pointer font-medium">
          {inputs.site ? t('changeInputs') : t('giveInputs')}
        </summary>
        <form action={action} method="get" className="mt-3 grid gap-3 sm:grid-cols-2">
          <div>
            <label htmlFor="wizard-site" className="block font-medium">
              {t('siteLabel')}
            </label>
            <input
              id="wizard-site"
              name="site"
              className="input"
              defaultValue={inputs.site ?? ''}
              placeholder="acme.atlassian.net"
              maxLength={200}
            />
          </div>
          <div>
            <label htmlFor="wizard-app" className="block font-medium">
              {t('appLabel')}
            </label>
            <input
              id="wizard-app"
              name="app"
              className="input"
              defaultValue={inputs.app ?? ''}
              placeholder="DocuFlow"
              maxLength={100}
            />
          </div>
          <div className="sm:col-span-2">
            <label htmlFor="wizard-error" className="block font-medium">
              {t('errorLabel')}
            </label>
            <textarea
              id="wizard-error"
              name="error"
              rows={2}
              className="input"
              defaultValue={inputs.error ?? ''}
              maxLength={2000}
            />
          </div>
          <div>
            <button type="submit" className="btn-secondary">
              {t('startWithThese')}
            </button>
          </div>
        </form>
      </details>
    </div>
  );
}
