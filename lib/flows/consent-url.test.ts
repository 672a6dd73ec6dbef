import { describe, expect, it } from 'vitest';
import { consentLinkFor, CONSENT_URL_MAX_LENGTH, readConsentUrl } from './consent-url';

const consentPage = (extra: Record<string, string> = {}) => {
  const url = new URL('https://auth.atlassian.com/authorize');
  const params = {
    audience: 'api.atlassian.com',
    client_id: 'TsPro7QmW2cN4vB8xK1zL5rT9yH3dJ6f',
    scope: 'read:me read:jira-work offline_access',
    redirect_uri: 'https://timesheets.example.com/atlassian/callback',
    state: 'requester-csrf-8f2d',
    response_type: 'code',
    prompt: 'consent',
    ...extra,
  };
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.href;
};

describe('readConsentUrl', () => {
  it("reads the app's client id, scopes and callback host from a consent page", () => {
    expect(readConsentUrl(consentPage())).toEqual({
      ok: true,
      consent: {
        clientId: 'TsPro7QmW2cN4vB8xK1zL5rT9yH3dJ6f',
        scopes: ['read:me', 'read:jira-work', 'offline_access'],
        redirectUri: 'https://timesheets.example.com/atlassian/callback',
        redirectHost: 'timesheets.example.com',
      },
    });
  });

  it('keeps neither the state nor a code, whatever else the address carries', () => {
    const reading = readConsentUrl(consentPage({ code: 'auth-code-SECRET-123' }));
    expect(reading.ok).toBe(true);
    const kept = JSON.stringify(reading);
    expect(kept).not.toContain('requester-csrf-8f2d');
    expect(kept).not.toContain('auth-code-SECRET-123');
  });

  it('keeps the callback exactly as registered (no slash added)', () => {
    const reading = readConsentUrl(consentPage({ redirect_uri: 'https://app.example.com' }));
    expect(reading.ok && reading.consent.redirectUri).toBe('https://app.example.com');
  });

  it.each([
    ['garbage', 'not a url at all', /not a web address/],
    [
      'another host',
      consentPage().replace('auth.atlassian.com', 'auth.atlassian.com.evil.test'),
      /not an Atlassian consent page/,
    ],
    ['plain http', consentPage().replace('https:', 'http:'), /not an Atlassian consent page/],
    [
      'the app callback',
      'https://timesheets.example.com/atlassian/callback?code=abc&state=xyz',
      /not an Atlassian consent page/,
    ],
    ['another path', consentPage().replace('/authorize', '/oauth/token'), /does not say which app/],
    ['no client id', consentPage({ client_id: '' }), /client_id is missing/],
    ['no scopes', consentPage({ scope: '' }), /scope is missing/],
    [
      'a callback carrying a code',
      consentPage({ redirect_uri: 'https://app.example.com/cb?code=abc' }),
      /carries a code or state/,
    ],
    ['too long', consentPage({ scope: 'read:me '.repeat(CONSENT_URL_MAX_LENGTH / 8) }), /longer than/],
  ])('refuses %s with a message for the person', (_name, input, message) => {
    const reading = readConsentUrl(input);
    expect(reading.ok).toBe(false);
    expect(!reading.ok && reading.message).toMatch(message);
  });
});

describe('consentLinkFor', () => {
  it('starts the same consent with a state of its own', () => {
    const reading = readConsentUrl(consentPage());
    if (!reading.ok) throw new Error(reading.message);
    const link = new URL(consentLinkFor(reading.consent, 'admin-fresh-state'));
    expect(link.origin + link.pathname).toBe('https://auth.atlassian.com/authorize');
    expect(Object.fromEntries(link.searchParams)).toEqual({
      audience: 'api.atlassian.com',
      client_id: 'TsPro7QmW2cN4vB8xK1zL5rT9yH3dJ6f',
      scope: 'read:me read:jira-work offline_access',
      redirect_uri: 'https://timesheets.example.com/atlassian/callback',
      state: 'admin-fresh-state',
      response_type: 'code',
      prompt: 'consent',
    });
    expect(link.search).toContain('scope=read%3Ame%20read%3Ajira-work');
  });
});
