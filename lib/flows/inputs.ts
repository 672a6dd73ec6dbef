import { z } from 'zod';
import { normalizeSiteHost, siteFromError } from './site-from-error';

/** What the wizard knows from its URL: bounded, and the site taken from the error when absent. */
export interface WizardInputs {
  site?: string;
  /** True when the site came from the pasted error rather than the `site` parameter. */
  siteFromError: boolean;
  app?: string;
  error?: string;
  path: string[];
}

const pathSchema = z
  .string()
  .max(1000)
  .transform((value) =>
    value
      .split(',')
      .filter((id) => /^[a-z0-9-]{1,60}$/.test(id))
      .slice(0, 40),
  );

/**
 * The wizard's URL parameters (read with parsePageParams): what the visitor is stuck on, the path
 * of steps so far, and the authorize-URL checker's input. Never rejected: readWizardInputs bounds them.
 */
export const wizardParamsSchema = z.object({
  site: z.string().optional(),
  app: z.string().optional(),
  error: z.string().optional(),
  path: z.string().optional(),
  /** The authorize URL the developer branch's checker was given, and whether refresh tokens are wanted. */
  url: z.string().optional(),
  refresh: z.string().optional(),
});
export type WizardParams = z.infer<typeof wizardParamsSchema>;

export function readWizardInputs(
  params: Pick<WizardParams, 'site' | 'app' | 'error' | 'path'>,
): WizardInputs {
  const error = params.error?.trim().slice(0, 2000) || undefined;
  const app = params.app?.trim().slice(0, 100) || undefined;
  const given = normalizeSiteHost(params.site);
  const fromError = given ? undefined : siteFromError(error);
  const path = pathSchema.safeParse(params.path ?? '');
  return {
    site: given ?? fromError,
    siteFromError: !given && Boolean(fromError),
    app,
    error,
    path: path.success ? path.data : [],
  };
}

/** The wizard URL for a path; site, app and error travel along so a shared link has everything. */
export function wizardHref(
  flowId: string,
  inputs: Pick<WizardInputs, 'site' | 'app' | 'error'>,
  path: readonly string[],
): string {
  const params = new URLSearchParams();
  if (inputs.site) params.set('site', inputs.site);
  if (inputs.app) params.set('app', inputs.app);
  if (inputs.error) params.set('error', inputs.error);
  if (path.length > 0) params.set('path', path.join(','));
  const query = params.toString();
  return `/troubleshoot/${flowId}${query ? `?${query}` : ''}`;
}
