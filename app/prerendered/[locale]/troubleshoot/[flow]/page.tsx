// The troubleshooter's first step (no URL parameters, no session), prerendered for signed-out
// readers (see ../../layout.tsx). Every later step, and every signed-in reader, gets
// app/[locale]/troubleshoot/[flow], rendered per request.
import { Troubleshooter } from '@/app/[locale]/troubleshoot/[flow]/troubleshooter';
import { getFlows } from '@/lib/flows/load';
import { pageLocale, type LocaleParams } from '@/lib/pages/page-locale';

export { generateMetadata } from '@/app/[locale]/troubleshoot/[flow]/page';

export const dynamicParams = false;

export function generateStaticParams() {
  return getFlows().map((flow) => ({ flow: flow.id }));
}

type Props = { params: Promise<LocaleParams & { flow: string }> };

export default async function PrerenderedTroubleshootPage({ params }: Props) {
  const locale = await pageLocale(params);
  return <Troubleshooter locale={locale} flowId={(await params).flow} query={{}} session={null} />;
}
