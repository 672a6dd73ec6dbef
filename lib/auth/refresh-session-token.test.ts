import { describe, expect, it, vi } from 'vitest';
import { RefreshTokenRejectedError } from '@/lib/atlassian/tokens';
import { AppError } from '@/lib/errors';
import { refreshSessionTokenIfDue } from './refresh-session-token';
import type { GreenlightToken } from './session-token';

const NOW = 1_800_000_000;
const token = (refreshToken: string, expiresAt: number): GreenlightToken => ({
  userId: 'u1',
  accountId: 'a1',
  email: 'ada@acme.test',
  name: 'Ada',
  source: 'atlassian',
  atlassian: { accessToken: 'old-access', refreshToken, expiresAt },
});

describe('refreshSessionTokenIfDue', () => {
  it('leaves a token that is not about to expire alone', async () => {
    const refresh = vi.fn();
    const result = await refreshSessionTokenIfDue(token('r1', NOW + 3600), refresh, NOW);
    expect(result.changed).toBe(false);
    expect(refresh).not.toHaveBeenCalled();
  });

  it('refreshes a token that looks valid when forced (Atlassian rejected it early)', async () => {
    const refresh = vi.fn().mockResolvedValue({
      accessToken: 'forced-access',
      refreshToken: 'r-forced-rotated',
      expiresAt: NOW + 3600,
    });
    const result = await refreshSessionTokenIfDue(token('r-forced', NOW + 3000), refresh, NOW, true);
    expect(refresh).toHaveBeenCalledWith('r-forced');
    expect(result.changed).toBe(true);
    expect(result.token.atlassian).toEqual({
      accessToken: 'forced-access',
      refreshToken: 'r-forced-rotated',
      expiresAt: NOW + 3600,
    });
  });

  it('refreshes within a minute of expiry and stores the rotated refresh token', async () => {
    const refresh = vi
      .fn()
      .mockResolvedValue({ accessToken: 'new-access', refreshToken: 'r2-rotated', expiresAt: NOW + 3600 });
    const result = await refreshSessionTokenIfDue(token('r-a', NOW + 30), refresh, NOW);
    expect(refresh).toHaveBeenCalledWith('r-a');
    expect(result).toEqual({
      changed: true,
      token: expect.objectContaining({
        atlassian: { accessToken: 'new-access', refreshToken: 'r2-rotated', expiresAt: NOW + 3600 },
      }),
    });
  });

  it('spends a refresh token once when two requests refresh together', async () => {
    const refresh = vi
      .fn()
      .mockResolvedValue({ accessToken: 'n', refreshToken: 'r-rotated', expiresAt: NOW + 3600 });
    const [a, b] = await Promise.all([
      refreshSessionTokenIfDue(token('r-shared', NOW - 1), refresh, NOW),
      refreshSessionTokenIfDue(token('r-shared', NOW - 1), refresh, NOW),
    ]);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(a.token.atlassian?.refreshToken).toBe('r-rotated');
    expect(b.token.atlassian?.refreshToken).toBe('r-rotated');
  });

  it('ends the session on invalid_grant: tokens dropped, token marked', async () => {
    const refresh = vi
      .fn()
      .mockRejectedValue(new RefreshTokenRejectedError('Unknown or invalid refresh token.'));
    const result = await refreshSessionTokenIfDue(token('r-dead', NOW - 1), refresh, NOW);
    expect(result.changed).toBe(true);
    expect(result.token.error).toBe('refresh_token_invalid');
    expect(result.token.atlassian).toBeUndefined();
  });

  it('keeps the session when Atlassian is briefly unavailable', async () => {
    const refresh = vi.fn().mockRejectedValue(new AppError('atlassian_unavailable', 'down'));
    const result = await refreshSessionTokenIfDue(token('r-later', NOW - 1), refresh, NOW);
    expect(result).toEqual({
      changed: false,
      token: expect.objectContaining({ atlassian: expect.objectContaining({ refreshToken: 'r-later' }) }),
    });
    expect(result.token.error).toBeUndefined();
  });
});
