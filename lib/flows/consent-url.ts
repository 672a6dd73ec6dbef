import { checkAuthorizeUrl, type AuthorizeUrlField } from './check-authorize-url';

/**
 * The consent page a requester saw (`https://auth.atlassian.com/authorize?...`), read for what
 * identifies the app: its client id, the scopes it asks for and where Atlassian sends the answer.
 * Pure, so the request form shows the same reading in the browser that the server stores.
 *
 * What is kept is deliberately only that. Never `state`: it is the requester's CSRF token for
 * their own sign-in session with the app, worth nothing to anyone else and not ours to keep.
 * Never a `code`: an authorization code is a credential that can be exchanged for tokens.
 * The reading is built field by field from an allow-list, so neither can slip through.
 */

/** Longer than any consent URL an app sends (a few scopes and a callback), short enough to store. */
export const CONSENT_URL_MAX_LENGTH = 4000;
const MAX_SCOPES = 60;
const CLIENT_ID = /^[A-Za-z0-9._~-]{1,128}$/;
/** Problems in these parameters mean the address does not say which app or what it asks for. */
const IDENTITY_FIELDS: readonly AuthorizeUrlField[] = ['url', 'client_id', 'scope', 'redirect_uri'];
/** Query parameters that must never ride along inside the callback address we keep. */
const SECRET_PARAMS = ['code', 'state'];

export interface ConsentIdentity {
  clientId: string;
  scopes: string[];
  /** The app's registered callback, needed to start the same consent again. */
  redirectUri: string;
  /** Its host, which is what a person recognises ("app.example.com"). */
  redirectHost: string;
}

/** Why an address is not a readable consent page: a code the browser words in the reader's language. */
export type ConsentUrlProblem =
  | 'too-long'
  | 'not-a-url'
  | 'not-atlassian'
  | 'no-app'
  | 'bad-client-id'
  | 'too-many-scopes'
  | 'callback-secret';

/** `message` is English, for the API's error answer; the page shows `problem` in the reader's language. */
export type ConsentUrlReading =
  { ok: true; consent: ConsentIdentity } | { ok: false; problem: ConsentUrlProblem; message: string };

const refuse = (problem: ConsentUrlProblem, message: string): ConsentUrlReading => ({
  ok: false,
  problem,
  message,
});

export function readConsentUrl(input: string): ConsentUrlReading {
  const text = input.trim();
  if (text.length > CONSENT_URL_MAX_LENGTH)
    return refuse(
      'too-long',
      `This address is longer than ${CONSENT_URL_MAX_LENGTH} characters, so it is not a consent page address.`,
    );
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refuse(
      'not-a-url',
      'This is not a web address. Copy the whole address of the consent page from the browser.',
    );
  }
  if (
    url.protocol !== 'https:' ||
    url.hostname !== 'auth.atlassian.com' ||
    url.port !== '' ||
    url.username !== '' ||
    url.password !== ''
  ) {
    return refuse(
      'not-atlassian',
      'This is not an Atlassian consent page. Its address starts with https://auth.atlassian.com/authorize?',
    );
  }
  const report = checkAuthorizeUrl(text);
  const blocking = report.problems.find((problem) => IDENTITY_FIELDS.includes(problem.field));
  if (blocking) return refuse('no-app', `The address does not say which app this is: ${blocking.problem}`);
  const clientId = report.params.client_id?.trim() ?? '';
  if (!CLIENT_ID.test(clientId))
    return refuse('bad-client-id', 'The client_id in this address is not a client id.');
  if (report.scopes.length > MAX_SCOPES)
    return refuse('too-many-scopes', 'This address asks for more scopes than an app can.');
  // Kept as written: the callback must match the registered one exactly (URL parsing would add a "/").
  const redirectUri = report.params.redirect_uri!.trim();
  const redirect = new URL(redirectUri);
  if (SECRET_PARAMS.some((name) => redirect.searchParams.has(name)))
    return refuse(
      'callback-secret',
      "The redirect_uri in this address carries a code or state. Copy the consent page's address, not the app's callback.",
    );
  return {
    ok: true,
    consent: {
      clientId,
      scopes: [...new Set(report.scopes)],
      redirectUri,
      redirectHost: redirect.host,
    },
  };
}

/**
 * The same consent started by someone else (a site admin): the app's client id, scopes and
 * callback, with a state of our own instead of the requester's. The app did not start this flow,
 * so its callback may say the state is wrong; Atlassian records the consent all the same.
 */
export function consentLinkFor(consent: Omit<ConsentIdentity, 'redirectHost'>, state: string): string {
  const url = new URL('https://auth.atlassian.com/authorize');
  url.searchParams.set('audience', 'api.atlassian.com');
  url.searchParams.set('client_id', consent.clientId);
  url.searchParams.set('scope', consent.scopes.join(' '));
  url.searchParams.set('redirect_uri', consent.redirectUri);
  url.searchParams.set('state', state);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('prompt', 'consent');
  // Spaces between scopes as %20, as Atlassian's samples write them (a literal + is already %2B).
  return url.href.replace(/\+/g, '%20');
}
