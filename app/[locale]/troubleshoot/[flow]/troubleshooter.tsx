import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { FunnelTracker } from '@/components/wizard/FunnelTracker';
import { WizardInputsForm } from '@/components/wizard/WizardInputsForm';
import { WizardProgress } from '@/components/wizard/WizardProgress';
import { WizardStep } from '@/components/wizard/WizardStep';
import type { ServerSession } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db/client';
import { checkResultsFrom, templateValuesFrom } from '@/lib/flows/facts';
import { gatherFacts } from '@/lib/flows/gather-facts';
import { readWizardInputs, wizardHref, type WizardParams } from '@/lib/flows/inputs';
import { getLocalizedFlow } from '@/lib/flows/load';
import { nextNode, remainingSteps, replayPath } from '@/lib/flows/stepper';
import { Link } from '@/lib/i18n/navigation';
import { localePath, type Locale } from '@/lib/i18n/locales';

type Props = {
  locale: Locale;
  flowId: string;
  /** The wizard's URL parameters; none for the first step. */
  query: Partial<WizardParams>;
  /** The reader's session, or null: anonymous, or the prerendered first step (app/prerendered). */
  session: ServerSession | null;
};

/**
 * One step of the troubleshooter. The server answers the checks it can, replays the path against
 * them and renders one step; every choice is a plain link.
 */
export async function Troubleshooter({ locale, flowId, query, session }: Props) {
  const t = await getTranslations('Troubleshooter');
  const flow = getLocalizedFlow(flowId, locale);
  if (!flow) notFound();
  const inputs = readWizardInputs(query);
  const facts = await gatherFacts(getDb, session, inputs);
  const checks = checkResultsFrom(inputs, facts);
  const trail = replayPath(flow, inputs.path, checks);
  const current = trail.steps[trail.steps.length - 1]!;
  const node = current.node;

  const hrefForPath = (path: readonly string[]) => wizardHref(flow.id, inputs, path);
  const hrefFor = (choice: string) => {
    const next = nextNode(flow, node.id, choice, checks);
    return next ? hrefForPath([...trail.path, next.node.id]) : undefined;
  };
  const backHref = trail.path.length > 1 ? hrefForPath(trail.path.slice(0, -1)) : undefined;
  const startHref = hrefForPath([]);
  const hiddenFields: Record<string, string> = { path: trail.path.join(',') };
  if (inputs.site) hiddenFields.site = inputs.site;
  if (inputs.app) hiddenFields.app = inputs.app;
  if (inputs.error) hiddenFields.error = inputs.error;

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header className="space-y-2">
        <p className="text-sm font-medium text-brand-700 dark:text-brand-500">{t('eyebrow')}</p>
        <h1 className="text-3xl font-bold tracking-tight">{flow.title}</h1>
        <p className="text-slate-700 dark:text-slate-300">{flow.summary}</p>
        {facts.viewer ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {t('signedInAs', { email: facts.viewer.email })}
          </p>
        ) : null}
      </header>

      <WizardInputsForm action={localePath(locale, `/troubleshoot/${flow.id}`)} inputs={inputs} />
      <WizardProgress step={trail.steps.length} remaining={remainingSteps(flow, node.id, checks)} />

      <section key={node.id} aria-labelledby="step-heading" className="card">
        <WizardStep
          flowId={flow.id}
          node={node}
          fallbackReason={current.fallbackReason}
          values={templateValuesFrom(inputs, facts)}
          inputs={inputs}
          facts={facts}
          hrefFor={hrefFor}
          siteHref={(host) => wizardHref(flow.id, { ...inputs, site: host }, [])}
          currentHref={hrefForPath(trail.path)}
          hiddenFields={hiddenFields}
          checkerUrl={query.url?.slice(0, 4000)}
          checkerWantsRefresh={query.refresh === '1'}
          mode={getConfig().atlassianConfigured ? 'atlassian' : 'embedded'}
        />
        <FunnelTracker
          flow={flow.id}
          node={node.id}
          outcome={node.kind === 'outcome' ? node.outcome : undefined}
        />
      </section>

      <nav aria-label={t('nav')} className="flex flex-wrap gap-3">
        {backHref ? (
          <Link href={backHref} scroll={false} className="btn-secondary">
            <span aria-hidden="true">←</span> {t('back')}
          </Link>
        ) : null}
        {trail.path.length > 1 ? (
          <Link href={startHref} scroll={false} className="btn-secondary">
            {t('startOver')}
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
