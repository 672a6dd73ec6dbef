import { useLocale, useTranslations } from 'next-intl';
import { Link } from '@/lib/i18n/navigation';
import { localizedArticles } from '@/lib/content/localized-articles';
import type { UnavailableReason } from '@/lib/flows/checks';
import { findApp, findSite, siteHostOf, type TroubleshootFacts } from '@/lib/flows/facts';
import type { WizardInputs } from '@/lib/flows/inputs';
import type { Choice, VisibleNode } from '@/lib/flows/schema';
import {
  fillHref,
  fillMarkdown as fillMarkdownIn,
  fillText as fillTextIn,
  type TemplateValues,
  type TextDefaults,
} from '@/lib/flows/template';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { pathInLocale } from '@/lib/i18n/paths';
import { RequestedConsent } from '@/components/admin/RequestedConsent';
import { consentLinkFor } from '@/lib/flows/consent-url';
import { AccountSites } from './AccountSites';
import { useRequestMessage } from './access-request-message';
import { AppDetails } from './AppDetails';
import { AuthorizeUrlChecker } from './AuthorizeUrlChecker';
import { ChoiceLink } from './ChoiceLink';
import { ConfirmSiteAdmin } from './ConfirmSiteAdmin';
import { FlowMarkdown } from './FlowMarkdown';
import { LiveAppStatus, RequestAccess } from './signed-in-islands';
import { RequestMessage } from './RequestMessage';
import { StepHeading } from './StepHeading';

export interface StepProps {
  flowId: string;
  node: VisibleNode;
  fallbackReason?: UnavailableReason;
  values: TemplateValues;
  inputs: WizardInputs;
  facts: TroubleshootFacts;
  /** The link for each choice id / action result; undefined when it leads nowhere. */
  hrefFor: (choice: string) => string | undefined;
  /** The wizard URL for another site (same app and error), from the start. */
  siteHref: (host: string) => string;
  currentHref: string;
  /** Hidden fields that keep the wizard's place in a no-JavaScript form. */
  hiddenFields: Record<string, string>;
  checkerUrl?: string;
  checkerWantsRefresh?: boolean;
  mode: 'embedded' | 'atlassian';
}

const OUTCOME_STYLES = {
  resolved: { label: 'Wizard.outcomeResolved', box: 'border-brand-500 bg-brand-50 dark:bg-brand-900/30' },
  requested: { label: 'Wizard.outcomeRequested', box: 'border-sky-400 bg-sky-50 dark:bg-sky-950/40' },
  escalated: {
    label: 'Wizard.outcomeEscalated',
    box: 'border-amber-400 bg-amber-50 dark:bg-amber-950/40',
  },
} as const;

// Why a check could not answer (lib/flows/checks.ts), as words that fit the sentence "couldn't
// check this for you (…)"; full key paths so the message check sees each one used.
const REASON_KEYS: Record<UnavailableReason['code'], string> = {
  'signed-out': 'Wizard.reasonSignedOut',
  'site-not-given': 'Wizard.reasonSiteNotGiven',
  'app-not-given': 'Wizard.reasonAppNotGiven',
  'app-unknown': 'Wizard.reasonAppUnknown',
  'sites-unavailable': 'Wizard.reasonSitesUnavailable',
  'apps-unavailable': 'Wizard.reasonAppsUnavailable',
  'atlassian-rate-limited': 'Wizard.reasonRateLimited',
  'atlassian-timeout': 'Wizard.reasonAtlassianTimeout',
  'atlassian-token-invalid': 'Wizard.reasonTokenInvalid',
  'atlassian-scope-missing': 'Wizard.reasonScopeMissing',
  'atlassian-unreachable': 'Wizard.reasonAtlassianUnreachable',
};

/**
 * The flow text's placeholders, filled with the words of the reader's language where a value is
 * unknown ("Ihre Site", not "your site", inside a German sentence).
 */
function useFill() {
  const t = useTranslations('Wizard');
  // Languages that decline the words after some prepositions list them (German: "auf Ihrer Site").
  const dativeWords = t('dativeWords').split(/\s+/).filter(Boolean);
  const afterDative = new RegExp(`(?:^|[^\\p{L}])(?:${dativeWords.join('|') || '(?!)'})[^\\p{L}]*$`, 'iu');
  const declined = (words: string, dative: string) => (before: string) =>
    afterDative.test(before) ? dative : words;
  const site = declined(t('defaultSite'), t('defaultSiteDative'));
  const defaults: TextDefaults = {
    site,
    siteName: site,
    cloudId: site,
    app: declined(t('defaultApp'), t('defaultAppDative')),
    email: declined(t('defaultEmail'), t('defaultEmailDative')),
    product: declined(t('defaultProduct'), t('defaultProductDative')),
    ip: declined(t('defaultIp'), t('defaultIpDative')),
  };
  return {
    fillText: (template: string, values: TemplateValues) => fillTextIn(template, values, defaults),
    fillMarkdown: (template: string, values: TemplateValues) => fillMarkdownIn(template, values, defaults),
  };
}

function useReaderLocale(): Locale {
  const locale = useLocale();
  return isLocale(locale) ? locale : 'en';
}

/** One step of a flow, by node kind. A server component; interactive parts are client islands. */
export function WizardStep(props: StepProps) {
  const { node, values, fallbackReason } = props;
  const t = useTranslations('Wizard');
  const label = useTranslations();
  const { fillText, fillMarkdown } = useFill();
  return (
    <div className="space-y-5">
      {fallbackReason ? (
        <p className="rounded-md border-l-4 border-amber-400 bg-amber-50 px-4 py-2 text-sm dark:border-amber-600 dark:bg-amber-950/40">
          {t('fallback', {
            reason: label(REASON_KEYS[fallbackReason.code], {
              app: 'app' in fallbackReason ? fallbackReason.app : '',
              site: 'site' in fallbackReason ? fallbackReason.site : '',
              seconds: ('retryAfterSeconds' in fallbackReason && fallbackReason.retryAfterSeconds) || 'none',
            }),
          })}
        </p>
      ) : null}
      {node.kind === 'outcome' ? (
        <p className="text-sm font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">
          {label(OUTCOME_STYLES[node.outcome].label)}
        </p>
      ) : null}
      <StepHeading>{fillText(node.title, values)}</StepHeading>
      {node.body ? <FlowMarkdown source={fillMarkdown(node.body, values)} /> : null}
      <StepContent {...props} />
    </div>
  );
}

function StepContent(props: StepProps) {
  const { node } = props;
  switch (node.kind) {
    case 'question':
      return (
        <>
          <Panel {...props} />
          <Choices {...props} choices={node.choices} />
        </>
      );
    case 'steps':
      return <StepsContent {...props} node={node} />;
    case 'action':
      return <ActionContent {...props} node={node} />;
    case 'outcome':
      return <OutcomeContent {...props} node={node} />;
  }
}

function Choices({ flowId, node, choices, hrefFor, values }: StepProps & { choices: Choice[] }) {
  const t = useTranslations('Wizard');
  const { fillText } = useFill();
  return (
    <ul className="flex flex-col gap-3 sm:flex-row sm:flex-wrap" aria-label={t('choices')}>
      {choices.map((choice, index) => {
        const href = hrefFor(choice.id);
        return href ? (
          <li key={choice.id}>
            <ChoiceLink
              href={href}
              flow={flowId}
              node={node.id}
              choice={choice.id}
              primary={index === 0 && node.kind === 'steps'}
            >
              {fillText(choice.label, values)}
            </ChoiceLink>
          </li>
        ) : null;
      })}
    </ul>
  );
}

function Panel(props: StepProps) {
  const { node, facts, inputs, values } = props;
  const locale = useReaderLocale();
  const requestMessage = useRequestMessage();
  if (node.kind === 'outcome' || !('panel' in node) || !node.panel) return null;
  switch (node.panel) {
    case 'account-sites':
      return facts.viewer ? (
        <AccountSites
          email={facts.viewer.email}
          sites={facts.sites ?? []}
          siteHref={props.siteHref}
          // Back to this step in the reader's language after signing in with another account.
          switchHref={`/signin?callbackUrl=${encodeURIComponent(pathInLocale(locale, props.currentHref))}`}
        />
      ) : null;
    case 'request-message':
      return (
        <RequestMessage
          initialText={requestMessage({ site: inputs.site, app: values.app, error: inputs.error })}
        />
      );
    case 'app-details': {
      const app = findApp(facts, inputs.app);
      const consent = facts.requestedConsent;
      return app ? (
        <>
          <AppDetails app={app} />
          {consent ? (
            <RequestedConsent
              consent={consent}
              appName={app.name}
              siteName={values.siteName ?? inputs.site ?? ''}
              // A state of our own for each view: the requester's was never kept.
              consentHref={consentLinkFor(consent, crypto.randomUUID())}
            />
          ) : null}
        </>
      ) : null;
    }
    case 'site-admins':
      return null; // drawn by the access-request action, which knows the site id
  }
}

function StepsContent(props: StepProps & { node: Extract<VisibleNode, { kind: 'steps' }> }) {
  const { node, values, facts, inputs } = props;
  const t = useTranslations('Wizard');
  const { fillText, fillMarkdown } = useFill();
  const site = findSite(facts, inputs.site);
  const app = findApp(facts, inputs.app);
  return (
    <>
      <Panel {...props} />
      <div className="steps">
        <ol>
          {node.steps.map((step, index) => {
            const href = step.link ? fillHref(step.link.href, values, step.link.fallbackHref) : undefined;
            return (
              <li key={index} className="space-y-2">
                <FlowMarkdown source={fillMarkdown(step.text, values)} />
                {step.link && href ? (
                  <a href={href} target="_blank" rel="noopener noreferrer" className="btn-secondary">
                    {fillText(step.link.label, values)}
                    <span className="sr-only"> {t('opensInNewTab')}</span>
                  </a>
                ) : null}
              </li>
            );
          })}
        </ol>
      </div>
      {node.verify === 'app-authorized' && site && app ? (
        <LiveAppStatus
          siteId={site.id}
          appId={app.id}
          appName={app.name}
          siteHost={siteHostOf(site)}
          initialStatus={app.status}
          mode={props.mode}
        />
      ) : null}
      <Choices {...props} choices={node.choices} />
    </>
  );
}

function ActionContent(props: StepProps & { node: Extract<VisibleNode, { kind: 'action' }> }) {
  const { node, facts, inputs, values, flowId, hrefFor } = props;
  const t = useTranslations('Wizard');
  const locale = useReaderLocale();
  const requestMessage = useRequestMessage();
  if (node.action === 'check-authorize-url') {
    return (
      <AuthorizeUrlChecker
        // A plain form without JavaScript: it must come back to this step in the reader's language.
        action={pathInLocale(locale, `/troubleshoot/${flowId}`)}
        hidden={props.hiddenFields}
        initialUrl={props.checkerUrl}
        initialWantsRefresh={props.checkerWantsRefresh}
        next={{ flow: flowId, node: node.id, okHref: hrefFor('ok'), problemsHref: hrefFor('problems') }}
      />
    );
  }
  const site = findSite(facts, inputs.site);
  if (node.action === 'confirm-site-admin') {
    return site ? (
      <ConfirmSiteAdmin
        flow={flowId}
        node={node.id}
        siteId={site.id}
        siteHost={siteHostOf(site)}
        confirmedHref={hrefFor('confirmed')}
        notAdminHref={hrefFor('not-admin')}
      />
    ) : null;
  }
  const app = findApp(facts, inputs.app);
  if (!site || !app) {
    return (
      <RequestMessage
        initialText={requestMessage({ site: inputs.site, app: values.app, error: inputs.error })}
      />
    );
  }
  // Only an open request is still current. An older decided one is history: approved once but
  // authorized no longer (an admin withdrew it), or declined; either way the visitor may ask again.
  const open = app.request?.status === 'open' ? app.request : null;
  const declined = app.request?.status === 'denied' ? app.request : null;
  return (
    <>
      {declined ? (
        <p className="rounded-md border-l-4 border-slate-300 bg-slate-50 px-4 py-2 text-sm dark:border-slate-600 dark:bg-slate-900">
          {declined.reason
            ? t('lastDeclinedWithReason', { app: app.name, reason: declined.reason })
            : t('lastDeclined', { app: app.name })}
        </p>
      ) : null}
      <RequestAccess
        flow={flowId}
        node={node.id}
        siteId={site.id}
        appId={app.id}
        appName={app.name}
        appClientId={app.clientId ?? null}
        message={requestMessage({ site: siteHostOf(site), app: app.name, error: inputs.error })}
        existing={open}
        resultHrefs={{ sent: hrefFor('sent'), approved: hrefFor('approved'), denied: hrefFor('denied') }}
      />
    </>
  );
}

function OutcomeContent({ node, values }: StepProps & { node: Extract<VisibleNode, { kind: 'outcome' }> }) {
  const t = useTranslations('Wizard');
  const { fillMarkdown } = useFill();
  // In the reader's language where translated; an English title is marked as English.
  const articles = localizedArticles(useReaderLocale(), node.articles);
  return (
    <div className={`space-y-4 rounded-md border-l-4 p-4 ${OUTCOME_STYLES[node.outcome].box}`}>
      {node.nextSteps.length > 0 ? (
        <section aria-labelledby="next-steps-title">
          <h3 id="next-steps-title" className="font-semibold">
            {t('nextSteps')}
          </h3>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {node.nextSteps.map((step, index) => (
              <li key={index}>
                <FlowMarkdown source={fillMarkdown(step, values)} inline />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {articles.length > 0 ? (
        <section aria-labelledby="outcome-articles-title">
          <h3 id="outcome-articles-title" className="font-semibold">
            {t('readMore')}
          </h3>
          <ul className="mt-2 space-y-1">
            {articles.map(({ article, locale }) => (
              <li key={article.slug}>
                <Link
                  className="text-brand-700 underline dark:text-brand-500"
                  href={`/articles/${article.slug}`}
                  hrefLang={locale}
                >
                  <span lang={locale}>{article.frontmatter.title}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
