import { describe, expect, it } from 'vitest';
import {
  backoffDelayMs,
  isScopeMismatch,
  mapUpstreamFailure,
  parseRetryAfterSeconds,
} from '@/lib/atlassian/http';

const upstream = (status: number, body: unknown, headers: Record<string, string> = {}) => ({
  status,
  headers: new Headers(headers),
  text: typeof body === 'string' ? body : JSON.stringify(body),
});

describe('parseRetryAfterSeconds', () => {
  it('reads delta-seconds', () => {
    expect(parseRetryAfterSeconds('3')).toBe(3);
    expect(parseRetryAfterSeconds(' 0 ')).toBe(0);
  });

  it('reads an HTTP date relative to now', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfterSeconds('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5);
    expect(parseRetryAfterSeconds('Wed, 31 Dec 2025 23:59:00 GMT', now)).toBe(0);
  });

  it('ignores a missing or unreadable header', () => {
    expect(parseRetryAfterSeconds(null)).toBeUndefined();
    expect(parseRetryAfterSeconds('soon')).toBeUndefined();
    expect(parseRetryAfterSeconds('-1')).toBeUndefined();
  });
});

describe('backoffDelayMs', () => {
  it('doubles per attempt, with jitter between half and all of the step', () => {
    expect(backoffDelayMs(0, 100, 10_000, () => 0)).toBe(50);
    expect(backoffDelayMs(0, 100, 10_000, () => 1)).toBe(100);
    expect(backoffDelayMs(2, 100, 10_000, () => 0)).toBe(200);
    expect(backoffDelayMs(2, 100, 10_000, () => 1)).toBe(400);
  });

  it('never exceeds the cap', () => {
    expect(backoffDelayMs(20, 100, 1_000, () => 1)).toBe(1_000);
  });
});

describe('mapUpstreamFailure', () => {
  it('tells a missing scope from an invalid token', () => {
    const scope = upstream(401, { code: 401, message: 'Unauthorized; scope does not match' });
    expect(isScopeMismatch(scope)).toBe(true);
    expect(mapUpstreamFailure(scope, 'x')).toMatchObject({ status: 502, code: 'atlassian_scope_missing' });
    expect(mapUpstreamFailure(upstream(401, { code: 401, message: 'Unauthorized' }), 'x')).toMatchObject({
      status: 401,
      code: 'atlassian_token_invalid',
    });
    expect(mapUpstreamFailure(upstream(401, ''), 'x').code).toBe('atlassian_token_invalid');
  });

  it('turns a 429 into a 503 that carries Retry-After', () => {
    const error = mapUpstreamFailure(upstream(429, {}, { 'retry-after': '30' }), 'your sites');
    expect(error).toMatchObject({
      status: 503,
      code: 'atlassian_rate_limited',
      headers: { 'Retry-After': '30' },
    });
    expect(error.message).toContain('30 s');
    expect(mapUpstreamFailure(upstream(429, {}), 'x').headers['Retry-After']).toBe('10');
  });

  it.each([
    [500, 502, 'atlassian_unavailable'],
    [503, 502, 'atlassian_unavailable'],
    [403, 502, 'atlassian_forbidden'],
    [404, 502, 'atlassian_not_found'],
    [418, 502, 'atlassian_unexpected_status'],
  ])('maps upstream %i to %i %s', (status, mapped, code) => {
    expect(mapUpstreamFailure(upstream(status, {}), 'x')).toMatchObject({ status: mapped, code });
  });
});
