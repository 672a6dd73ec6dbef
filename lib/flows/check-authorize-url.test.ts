import { describe, expect, it } from 'vitest';
import { checkAuthorizeUrl } from './check-authorize-url';

const GOOD = {
  audience: 'api.atlassian.com',
  client_id: 'abc123XYZ',
  scope: 'read:jira-work read:me offline_access',
  redirect_uri: 'https://app.example.com/callback',
  state: 'r4nd0m',
  response_type: 'code',
  prompt: 'consent',
};

function authorizeUrl(
  overrides: Record<string, string | undefined> = {},
  base = 'https://auth.atlassian.com/authorize',
) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...GOOD, ...overrides }))
    if (value !== undefined) params.set(key, value);
  return `${base}?${params.toString()}`;
}

describe('checkAuthorizeUrl', () => {
  it('accepts a correct URL', () => {
    const report = checkAuthorizeUrl(authorizeUrl(), { wantsRefresh: true });
    expect(report).toMatchObject({
      ok: true,
      problems: [],
      scopes: ['read:jira-work', 'read:me', 'offline_access'],
    });
  });

  it('accepts granular scopes and an http redirect on localhost', () => {
    const report = checkAuthorizeUrl(
      authorizeUrl({
        scope: 'read:issue-details:jira write:page:confluence',
        redirect_uri: 'http://localhost:3000/api/auth/callback/atlassian',
      }),
    );
    expect(report.problems).toEqual([]);
  });

  it.each([
    ['audience missing', { audience: undefined }, 'audience'],
    ['audience wrong', { audience: 'api.example.com' }, 'audience'],
    ['prompt missing', { prompt: undefined }, 'prompt'],
    ['prompt wrong', { prompt: 'none' }, 'prompt'],
    ['response_type token', { response_type: 'token' }, 'response_type'],
    ['client_id missing', { client_id: undefined }, 'client_id'],
    ['redirect_uri missing', { redirect_uri: undefined }, 'redirect_uri'],
    ['redirect_uri over http', { redirect_uri: 'http://app.example.com/callback' }, 'redirect_uri'],
    ['redirect_uri not absolute', { redirect_uri: '/callback' }, 'redirect_uri'],
    ['scope missing', { scope: undefined }, 'scope'],
    ['scope malformed', { scope: 'read:jira-work,read:me' }, 'scope'],
    ['state missing', { state: undefined }, 'state'],
  ])('reports %s, alone, with a fix', (_label, overrides, field) => {
    const report = checkAuthorizeUrl(authorizeUrl(overrides));
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      {
        field,
        code: expect.any(String),
        values: expect.any(Object),
        problem: expect.any(String),
        fix: expect.any(String),
      },
    ]);
  });

  it('explains that commas do not separate scopes', () => {
    const [problem] = checkAuthorizeUrl(authorizeUrl({ scope: 'read:jira-work,read:me' })).problems;
    expect(problem!.fix).toMatch(/spaces, not commas/);
    // The page words the code; the values are what it quotes.
    expect(problem).toMatchObject({
      code: 'scopesCommaSeparated',
      values: { scopes: '"read:jira-work,read:me"' },
    });
  });

  it('reports offline_access missing only when refresh tokens are wanted', () => {
    const url = authorizeUrl({ scope: 'read:jira-work' });
    expect(checkAuthorizeUrl(url).ok).toBe(true);
    expect(checkAuthorizeUrl(url, { wantsRefresh: true }).problems).toEqual([
      expect.objectContaining({ field: 'offline_access' }),
    ]);
  });

  it('reports an address that is not the authorize endpoint', () => {
    expect(checkAuthorizeUrl(authorizeUrl({}, 'https://auth.example.com/authorize')).problems).toEqual([
      expect.objectContaining({ field: 'url' }),
    ]);
  });

  it('reports text that is not a URL', () => {
    expect(checkAuthorizeUrl('auth.atlassian.com authorize please')).toMatchObject({
      ok: false,
      problems: [{ field: 'url' }],
    });
  });
});
