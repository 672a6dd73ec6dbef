import type { Metadata } from 'next';
import { getCurrentSession } from '@/lib/auth/current-viewer';
import { wizardParamsSchema } from '@/lib/flows/inputs';
import { getLocalizedFlow } from '@/lib/flows/load';
import { isLocale } from '@/lib/i18n/locales';
import { parsePageParams, type PageSearchParams } from '@/lib/pages/page-params';
import { pageLocale, type LocaleParams } from '@/lib/pages/page-locale';
import { localizedMetadata } from '@/lib/pages/page-metadata';
import { Troubleshooter } from './troubleshooter';

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
 * reload and a shared link resume the same step; the step itself is ./troubleshooter.tsx.
 */
export default async function TroubleshootPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const parsed = parsePageParams(wizardParamsSchema, await searchParams);
  // Every wizard parameter is an optional string: the schema cannot reject a URL.
  const query = parsed.ok ? parsed.params : {};
  // A session the page cannot read is no session: the wizard still works, asking instead.
  const session = await getCurrentSession().catch(() => null);
  return <Troubleshooter locale={locale} flowId={(await params).flow} query={query} session={session} />;
}
