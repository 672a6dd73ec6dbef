import { describe, expect, it } from 'vitest';
import { sessionStatusOf } from './current-viewer';

const base = { userId: 'user-nora', accountId: 'acc-nora', email: 'nora@acme.test', name: 'Nora User' };

describe('sessionStatusOf', () => {
  it('shows nobody without a session cookie', () => {
    expect(sessionStatusOf(null)).toEqual({ status: 'signed-out' });
  });

  it('shows the signed-in person, and no token, for a demo or Atlassian session', () => {
    expect(sessionStatusOf({ ...base, source: 'local' })).toEqual({
      status: 'signed-in',
      viewer: { ...base, source: 'local' },
    });
    const atlassian = sessionStatusOf({
      ...base,
      source: 'atlassian',
      atlassian: { accessToken: 'secret-access', refreshToken: 'secret-refresh', expiresAt: 1 },
    });
    expect(atlassian.status).toBe('signed-in');
    expect(JSON.stringify(atlassian)).not.toContain('secret');
  });

  it('says the session ended when Atlassian rejected its refresh token, or its tokens are missing', () => {
    expect(sessionStatusOf({ ...base, source: 'atlassian', error: 'refresh_token_invalid' })).toEqual({
      status: 'ended',
    });
    expect(sessionStatusOf({ ...base, source: 'atlassian' })).toEqual({ status: 'ended' });
  });
});
