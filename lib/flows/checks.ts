/**
 * The named server-side checks a flow may branch on. Each answers yes or no, or cannot answer
 * (anonymous visitor, unknown site or app, upstream failure): then the flow asks instead.
 */
const CHECK_NAMES = [
  'signed-in',
  'member-of-site',
  'site-admin',
  /** A product or app admin: Greenlight must ask whether they are a site or org admin (roles.ts). */
  'admin-to-confirm',
  'app-authorized',
  'open-request-exists',
  // What the pasted error says (inputs.error): they always answer, "no" when nothing was pasted.
  'error-ip-rejected',
  'error-no-product-access',
] as const;
export type CheckName = (typeof CHECK_NAMES)[number];

export const CHECK_ANSWERS = ['yes', 'no'] as const;
export type CheckAnswer = (typeof CHECK_ANSWERS)[number];

/**
 * Why a check could not answer, as a code (and the values its sentence names): the page words it
 * in the reader's language above the question asked instead.
 */
export type UnavailableReason =
  | { code: 'signed-out' | 'site-not-given' | 'app-not-given' | 'sites-unavailable' | 'apps-unavailable' }
  | { code: 'app-unknown'; app: string; site: string }
  | { code: 'atlassian-rate-limited'; retryAfterSeconds?: string }
  | {
      code:
        'atlassian-timeout' | 'atlassian-token-invalid' | 'atlassian-scope-missing' | 'atlassian-unreachable';
    };

/** What a check found: an answer, or why it could not answer (shown to the visitor). */
export type CheckResult = { answer: CheckAnswer } | { unavailable: UnavailableReason };
export type CheckResults = Partial<Record<CheckName, CheckResult>>;

export const isCheckName = (name: string): name is CheckName =>
  (CHECK_NAMES as readonly string[]).includes(name);

/**
 * Checks on the state of the app rather than on who the visitor is. Their answers change while a
 * visitor goes through the flow (an admin authorizes the app, the visitor's request is approved),
 * so a path recorded in the URL may have taken either branch. Identity checks (signed-in,
 * member-of-site, site-admin, admin-to-confirm) must match when a path is replayed: after a product
 * admin confirms, their replayed path restarts at the admin branch, which is where they are going.
 */
export const STATE_CHECKS: readonly CheckName[] = ['app-authorized', 'open-request-exists'];

/** Results per action kind: what the visitor can come out of an action with. */
export const ACTION_RESULTS = {
  'send-access-request': ['sent', 'approved', 'denied'],
  'check-authorize-url': ['ok', 'problems'],
  /** A product admin answers whether they are a site or org admin; "confirmed" is stored. */
  'confirm-site-admin': ['confirmed', 'not-admin'],
} as const;
export type ActionName = keyof typeof ACTION_RESULTS;

/** Live information panels a question or steps node may show next to its text. */
export const PANELS = ['site-admins', 'account-sites', 'app-details', 'request-message'] as const;
export type PanelName = (typeof PANELS)[number];

/** Placeholders node text and links may use; filled from the URL and what the server knows. */
export const PLACEHOLDERS = ['site', 'siteName', 'cloudId', 'app', 'email', 'product', 'ip'] as const;
export type PlaceholderName = (typeof PLACEHOLDERS)[number];
