'use client';

import { useTranslations } from 'next-intl';
import { apiErrorMessageKey } from '@/components/api-error-message';
import { useRouter } from '@/lib/i18n/navigation';
import { useState } from 'react';
import { confirmSiteAdmin } from '@/components/api-client';
import { ChoiceLink } from './ChoiceLink';
import { trackFunnelEvent } from './funnel-events';

interface Props {
  flow: string;
  node: string;
  siteId: string;
  siteHost: string;
  confirmedHref?: string;
  notAdminHref?: string;
}

/**
 * A Jira or Confluence admin says whether they are a site or org admin. "Yes" is stored on the
 * server (so the console and notifications follow it) before the admin steps open; "No" is a plain
 * link to the steps for people who ask an admin.
 */
export function ConfirmSiteAdmin({ flow, node, siteId, siteHost, confirmedHref, notAdminHref }: Props) {
  const t = useTranslations('Wizard');
  const words = useTranslations();
  const router = useRouter();
  const [state, setState] = useState<{ pending: boolean; error?: string }>({ pending: false });

  const confirm = async () => {
    setState({ pending: true });
    try {
      await confirmSiteAdmin(siteId);
      trackFunnelEvent({ flow, node, kind: 'choice_made', choice: 'confirmed' });
      if (confirmedHref) router.push(confirmedHref, { scroll: false });
    } catch (error) {
      // The server's message is English for programs; the person reads what its code means.
      setState({ pending: false, error: words(apiErrorMessageKey(error, 'Errors.actionFailed')) });
    }
  };

  return (
    <div className="space-y-3">
      <ul className="flex flex-col gap-3 sm:flex-row sm:flex-wrap" aria-label={t('choices')}>
        <li>
          <button
            type="button"
            className="btn-primary"
            disabled={state.pending}
            onClick={() => void confirm()}
          >
            {state.pending ? t('saving') : t('confirmAdmin', { site: siteHost })}
          </button>
        </li>
        {notAdminHref ? (
          <li>
            <ChoiceLink href={notAdminHref} flow={flow} node={node} choice="not-admin">
              {t('notAdminOrUnsure')}
            </ChoiceLink>
          </li>
        ) : null}
      </ul>
      {state.error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {t('confirmFailed', { error: state.error })}
        </p>
      ) : null}
    </div>
  );
}
