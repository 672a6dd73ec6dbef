/**
 * Checks an Atlassian 3LO authorize URL against the documented rules
 * (developer.atlassian.com/cloud/jira/platform/oauth-2-3lo-apps) and explains each problem with its fix.
 */

export type AuthorizeUrlField =
  | 'url'
  | 'audience'
  | 'client_id'
  | 'scope'
  | 'redirect_uri'
  | 'state'
  | 'response_type'
  | 'prompt'
  | 'offline_access';

/** What is wrong, as a code: pages word it in the reader's language (`Wizard.urlProblems`). */
export type AuthorizeUrlProblemCode =
  | 'notAUrl'
  | 'notAuthorizeEndpoint'
  | 'repeated'
  | 'audienceWrong'
  | 'audienceMissing'
  | 'clientIdMissing'
  | 'responseTypeWrong'
  | 'responseTypeMissing'
  | 'promptWrong'
  | 'promptMissing'
  | 'stateMissing'
  | 'scopeMissing'
  | 'scopesMalformed'
  | 'scopesCommaSeparated'
  | 'offlineAccessMissing'
  | 'redirectMissing'
  | 'redirectNotAbsolute'
  | 'redirectInsecure'
  | 'redirectFragment';

export interface AuthorizeUrlProblem {
  field: AuthorizeUrlField;
  code: AuthorizeUrlProblemCode;
  /** The parts of the URL the wording quotes (a value, a parameter's name, the address). */
  values: Record<string, string>;
  /** English, for API answers and logs; pages word `code` instead. */
  problem: string;
  fix: string;
}

export interface AuthorizeUrlReport {
  ok: boolean;
  problems: AuthorizeUrlProblem[];
  /** The parameters as read, for showing the visitor what was checked. */
  params: Record<string, string>;
  scopes: string[];
}

export interface AuthorizeUrlOptions {
  /** The app wants refresh tokens, so `offline_access` must be requested. */
  wantsRefresh?: boolean;
}

// Classic scopes look like read:jira-work; granular ones like read:issue-details:jira; plus offline_access.
const SCOPE = /^(?:offline_access|[a-z]+(?:[:-][a-z0-9]+)*:[a-z0-9]+(?:[-.][a-z0-9]+)*(?::[a-z0-9-]+)?)$/;
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function checkAuthorizeUrl(input: string, options: AuthorizeUrlOptions = {}): AuthorizeUrlReport {
  const problems: AuthorizeUrlProblem[] = [];
  const report: Report = (field, code, values, problem, fix) =>
    problems.push({ field, code, values, problem, fix });
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    report(
      'url',
      'notAUrl',
      {},
      'This is not a complete URL.',
      'Paste the whole address, starting with https://auth.atlassian.com/authorize?',
    );
    return { ok: false, problems, params: {}, scopes: [] };
  }
  if (
    url.protocol !== 'https:' ||
    url.hostname !== 'auth.atlassian.com' ||
    url.pathname.replace(/\/$/, '') !== '/authorize'
  ) {
    report(
      'url',
      'notAuthorizeEndpoint',
      { address: `${url.origin}${url.pathname}` },
      `The address is ${url.origin}${url.pathname}, not Atlassian's authorize endpoint.`,
      'Send users to https://auth.atlassian.com/authorize with the parameters in the query string.',
    );
  }
  const params: Record<string, string> = {};
  for (const [key, value] of url.searchParams) params[key] ??= value;
  const get = (name: string) => url.searchParams.get(name)?.trim() ?? '';

  const repeated = [
    ...new Set([...url.searchParams.keys()].filter((k) => url.searchParams.getAll(k).length > 1)),
  ];
  for (const name of repeated) {
    if (isField(name))
      report(name, 'repeated', { name }, `"${name}" appears more than once.`, `Send "${name}" exactly once.`);
  }

  if (get('audience') !== 'api.atlassian.com') {
    report(
      'audience',
      get('audience') ? 'audienceWrong' : 'audienceMissing',
      { value: get('audience') },
      get('audience') ? `audience is "${get('audience')}".` : 'audience is missing.',
      'Add audience=api.atlassian.com. Newer samples omit it, but the 3LO page requires it.',
    );
  }
  if (!get('client_id')) {
    report(
      'client_id',
      'clientIdMissing',
      {},
      'client_id is missing.',
      "Add your app's Client ID from the developer console (Settings → Authentication details).",
    );
  }
  if (get('response_type') !== 'code') {
    report(
      'response_type',
      get('response_type') ? 'responseTypeWrong' : 'responseTypeMissing',
      { value: get('response_type') },
      get('response_type') ? `response_type is "${get('response_type')}".` : 'response_type is missing.',
      'Use response_type=code: 3LO is the authorization code grant.',
    );
  }
  if (get('prompt') !== 'consent') {
    report(
      'prompt',
      get('prompt') ? 'promptWrong' : 'promptMissing',
      { value: get('prompt') },
      get('prompt') ? `prompt is "${get('prompt')}".` : 'prompt is missing.',
      'Add prompt=consent so Atlassian shows the consent screen.',
    );
  }
  checkRedirect(get('redirect_uri'), report);
  if (!get('state')) {
    report(
      'state',
      'stateMissing',
      {},
      'state is missing.',
      "Add a random, unguessable state bound to the user's session and check it on the callback (CSRF protection).",
    );
  }

  const rawScope = url.searchParams.get('scope') ?? '';
  const scopes = rawScope.split(/\s+/).filter(Boolean);
  if (scopes.length === 0) {
    report(
      'scope',
      'scopeMissing',
      {},
      'scope is missing or empty.',
      'List the scopes your app needs, separated by spaces (URL-encoded as %20), e.g. read:jira-work read:me.',
    );
  } else {
    const malformed = scopes.filter((scope) => !SCOPE.test(scope));
    if (malformed.length > 0) {
      const commas = malformed.some((s) => s.includes(','));
      const commaHint = commas ? ' Separate scopes with spaces, not commas.' : '';
      report(
        'scope',
        commas ? 'scopesCommaSeparated' : 'scopesMalformed',
        { scopes: malformed.map((s) => `"${s}"`).join(', ') },
        `These scopes are not well formed: ${malformed.map((s) => `"${s}"`).join(', ')}.`,
        `Copy each scope exactly as the developer console lists it (e.g. read:jira-work).${commaHint}`,
      );
    }
  }
  if (options.wantsRefresh && !scopes.includes('offline_access')) {
    report(
      'offline_access',
      'offlineAccessMissing',
      {},
      'offline_access is not among the scopes, so no refresh token is issued.',
      'Add offline_access to scope to receive a refresh token.',
    );
  }
  return { ok: problems.length === 0, problems, params, scopes };
}

type Report = (
  field: AuthorizeUrlField,
  code: AuthorizeUrlProblemCode,
  values: Record<string, string>,
  problem: string,
  fix: string,
) => void;

function checkRedirect(value: string, report: Report) {
  if (!value) {
    report(
      'redirect_uri',
      'redirectMissing',
      {},
      'redirect_uri is missing.',
      'Add redirect_uri set to the callback URL registered in the developer console, URL-encoded.',
    );
    return;
  }
  let redirect: URL;
  try {
    redirect = new URL(value);
  } catch {
    report(
      'redirect_uri',
      'redirectNotAbsolute',
      { value: value.slice(0, 100) },
      `redirect_uri "${value.slice(0, 100)}" is not an absolute URL.`,
      'Use the full callback URL, e.g. https://app.example.com/callback, URL-encoded.',
    );
    return;
  }
  const local = LOCAL_HOSTS.has(redirect.hostname);
  if (redirect.protocol !== 'https:' && !(redirect.protocol === 'http:' && local)) {
    report(
      'redirect_uri',
      'redirectInsecure',
      { protocol: redirect.protocol.replace(':', '') },
      `redirect_uri uses ${redirect.protocol.replace(':', '')}.`,
      'Use https (http is only for localhost while developing), and register exactly that URL in the developer console.',
    );
  }
  if (redirect.hash) {
    report(
      'redirect_uri',
      'redirectFragment',
      {},
      'redirect_uri has a #fragment.',
      'Remove the fragment: the callback must match the registered URL exactly.',
    );
  }
}

function isField(name: string): name is AuthorizeUrlField {
  return ['audience', 'client_id', 'scope', 'redirect_uri', 'state', 'response_type', 'prompt'].includes(
    name,
  );
}
