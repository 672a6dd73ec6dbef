import type { Metadata } from 'next';
import { Link } from '@/lib/i18n/navigation';
import { notFound } from 'next/navigation';
import { FunnelTracker } from '@/components/wizard/FunnelTracker';
import { WizardInputsForm } from '@/components/wizard/WizardInputsForm';
import { WizardProgress } from '@/components/wizard/WizardProgress';
import { WizardStep } from '@/components/wizard/WizardStep';
import { getCurrentSession } from '@/lib/auth/current-viewer';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db/client';
import { checkResultsFrom, templateValuesFrom } from '@/lib/flows/facts';
import { gatherFacts } from '@/lib/flows/gather-facts';
import { readWizardInputs, wizardHref, wizardParamsSchema } from '@/lib/flows/inputs';
import { getLocalizedFlow } from '@/lib/flows/load';
import { isLocale, localePath } from '@/lib/i18n/locales';
import { getTranslations } from 'next-intl/server';
import { nextNode, remainingSteps, replayPath } from '@/lib/flows/stepper';
import { parsePageParams, type PageSearchParams } from '@/lib/pages/page-params';
import { pageLocale, type LocaleParams } from '@/lib/pages/page-locale';
import { localizedMetadata } from '@/lib/pages/page-metadata';

type Props = { params: Promise<LocaleParams & { flow: string }>; searchParams: Promise<PageSearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { flow: id, locale } = await params;
  const language = isLocale(locale) ? locale : 'en';
  const flow = getLocalizedFlow(id, language);
  return flow
    ? localizedMetadata(language, `/troubleshoot/${flow.id}`, {
        title: flow.title,
        description: flow.summary,
      })
    : {};
}

/**
 * The troubleshooter. The whole state is in the URL (site, app, error, path of steps), so back,
 * reload and a shared link resume the same step. The server answers the checks it can, replays the
 * path against them and renders one step; every choice is a plain link.
 */
export default async function TroubleshootPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const t = await getTranslations('Troubleshooter');
  const flow = getLocalizedFlow((await params).flow, locale);
  if (!flow) notFound();
  const parsed = parsePageParams(wizardParamsSchema, await searchParams);
  // Every wizard parameter is an optional string: the schema cannot reject a URL.
  const query = parsed.ok ? parsed.params : {};
  const inputs = readWizardInputs(query);
  // A session the page cannot read is no session: the wizard still works, asking instead.
  const session = await getCurrentSession().catch(() => null);
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
