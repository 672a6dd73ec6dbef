'use client';

import { useTranslations } from 'next-intl';
import { Link } from '@/lib/i18n/navigation';
import { useId, useState, type FormEvent } from 'react';
import {
  checkAuthorizeUrl,
  type AuthorizeUrlProblemCode,
  type AuthorizeUrlReport,
} from '@/lib/flows/check-authorize-url';
import { trackFunnelEvent } from './funnel-events';

// Each problem's words in the reader's language, by code (the catalog keys spelled out, so the
// catalog check sees them used).
const PROBLEM_TEXT: Record<AuthorizeUrlProblemCode, readonly [string, string]> = {
  notAUrl: ['Wizard.urlProblems.notAUrl.problem', 'Wizard.urlProblems.notAUrl.fix'],
  notAuthorizeEndpoint: [
    'Wizard.urlProblems.notAuthorizeEndpoint.problem',
    'Wizard.urlProblems.notAuthorizeEndpoint.fix',
  ],
  repeated: ['Wizard.urlProblems.repeated.problem', 'Wizard.urlProblems.repeated.fix'],
  audienceWrong: ['Wizard.urlProblems.audienceWrong.problem', 'Wizard.urlProblems.audienceWrong.fix'],
  audienceMissing: ['Wizard.urlProblems.audienceMissing.problem', 'Wizard.urlProblems.audienceMissing.fix'],
  clientIdMissing: ['Wizard.urlProblems.clientIdMissing.problem', 'Wizard.urlProblems.clientIdMissing.fix'],
  responseTypeWrong: [
    'Wizard.urlProblems.responseTypeWrong.problem',
    'Wizard.urlProblems.responseTypeWrong.fix',
  ],
  responseTypeMissing: [
    'Wizard.urlProblems.responseTypeMissing.problem',
    'Wizard.urlProblems.responseTypeMissing.fix',
  ],
  promptWrong: ['Wizard.urlProblems.promptWrong.problem', 'Wizard.urlProblems.promptWrong.fix'],
  promptMissing: ['Wizard.urlProblems.promptMissing.problem', 'Wizard.urlProblems.promptMissing.fix'],
  stateMissing: ['Wizard.urlProblems.stateMissing.problem', 'Wizard.urlProblems.stateMissing.fix'],
  scopeMissing: ['Wizard.urlProblems.scopeMissing.problem', 'Wizard.urlProblems.scopeMissing.fix'],
  scopesMalformed: ['Wizard.urlProblems.scopesMalformed.problem', 'Wizard.urlProblems.scopesMalformed.fix'],
  scopesCommaSeparated: [
    'Wizard.urlProblems.scopesCommaSeparated.problem',
    'Wizard.urlProblems.scopesCommaSeparated.fix',
  ],
  offlineAccessMissing: [
    'Wizard.urlProblems.offlineAccessMissing.problem',
    'Wizard.urlProblems.offlineAccessMissing.fix',
  ],
  redirectMissing: ['Wizard.urlProblems.redirectMissing.problem', 'Wizard.urlProblems.redirectMissing.fix'],
  redirectNotAbsolute: [
    'Wizard.urlProblems.redirectNotAbsolute.problem',
    'Wizard.urlProblems.redirectNotAbsolute.fix',
  ],
  redirectInsecure: [
    'Wizard.urlProblems.redirectInsecure.problem',
    'Wizard.urlProblems.redirectInsecure.fix',
  ],
  redirectFragment: [
    'Wizard.urlProblems.redirectFragment.problem',
    'Wizard.urlProblems.redirectFragment.fix',
  ],
};

interface Props {
  /** Where the no-JavaScript form submits (GET); the server renders the report from ?url=. */
  action: string;
  /** Extra fields the no-JavaScript form must carry (the wizard's site, app, error and path). */
  hidden?: Record<string, string>;
  initialUrl?: string;
  initialWantsRefresh?: boolean;
  /** In the wizard: where to go once the URL is checked, and what to record. */
  next?: { flow: string; node: string; okHref?: string; problemsHref?: string };
}

/**
 * The authorize-URL checker: runs in the browser (the URL never leaves it); without JavaScript the
 * form submits to the page, which renders the same report on the server.
 */
export function AuthorizeUrlChecker({
  action,
  hidden = {},
  initialUrl = '',
  initialWantsRefresh = false,
  next,
}: Props) {
  const [url, setUrl] = useState(initialUrl);
  const [wantsRefresh, setWantsRefresh] = useState(initialWantsRefresh);
  const [report, setReport] = useState<AuthorizeUrlReport | undefined>(() =>
    initialUrl ? checkAuthorizeUrl(initialUrl, { wantsRefresh: initialWantsRefresh }) : undefined,
  );
  const t = useTranslations('Wizard');
  const words = useTranslations();
  const urlId = useId();
  const refreshId = useId();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setReport(checkAuthorizeUrl(url, { wantsRefresh }));
  };

  const result = report ? (report.ok ? 'ok' : 'problems') : undefined;
  const nextHref = result === 'ok' ? next?.okHref : result === 'problems' ? next?.problemsHref : undefined;

  return (
    <div className="space-y-5">
      <form action={action} method="get" onSubmit={submit} className="space-y-3">
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <label htmlFor={urlId} className="block text-sm font-semibold">
          {t('authorizeUrl')}
        </label>
        <textarea
          id={urlId}
          name="url"
          rows={4}
          required
          maxLength={4000}
          className="input font-mono text-sm"
          placeholder="https://auth.atlassian.com/authorize?audience=api.atlassian.com&client_id=…"
          value={url}
          onChange={(event) => setUrl(event.target.value)}
        />
        <div className="flex items-center gap-2">
          <input
            id={refreshId}
            name="refresh"
            value="1"
            type="checkbox"
            className="h-4 w-4"
            checked={wantsRefresh}
            onChange={(event) => setWantsRefresh(event.target.checked)}
          />
          <label htmlFor={refreshId} className="text-sm">
            {t('needsRefresh')}
          </label>
        </div>
        <button type="submit" className="btn-primary">
          {t('checkUrl')}
        </button>
      </form>

      {report ? (
        <section aria-labelledby="url-report-title" aria-live="polite" className="space-y-3">
          <h3 id="url-report-title" className="font-semibold">
            {report.ok ? t('noProblems') : t('problemsFound', { count: report.problems.length })}
          </h3>
          {report.ok ? (
            <p className="rounded-md border-l-4 border-brand-500 bg-brand-50 p-3 text-sm dark:bg-brand-900/30">
              {t('urlOk')}
            </p>
          ) : (
            <ul className="space-y-3">
              {report.problems.map((problem, index) => (
                <li
                  key={index}
                  className="rounded-md border-l-4 border-amber-400 bg-amber-50 p-3 text-sm dark:border-amber-600 dark:bg-amber-950/40"
                >
                  <p>
                    <code className="font-semibold">{problem.field}</code>:{' '}
                    {words(PROBLEM_TEXT[problem.code][0], problem.values)}
                  </p>
                  <p className="mt-1">
                    <span className="font-semibold">{t('fix')} </span>
                    {words(PROBLEM_TEXT[problem.code][1], problem.values)}
                  </p>
                </li>
              ))}
            </ul>
          )}
          {next && nextHref && result ? (
            <Link
              href={nextHref}
              scroll={false}
              className="btn-primary"
              onClick={() =>
                trackFunnelEvent({ flow: next.flow, node: next.node, kind: 'choice_made', choice: result })
              }
            >
              {t('continue')}
            </Link>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
