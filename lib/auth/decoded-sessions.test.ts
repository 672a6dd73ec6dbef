import { describe, expect, it } from 'vitest';
import { createDecodedSessionCache } from './decoded-sessions';

function counting(payloadFor: (raw: string) => Record<string, unknown> | null) {
  const calls: string[] = [];
  const decode = async (raw: string) => {
    calls.push(raw);
    return payloadFor(raw);
  };
  return { calls, decode };
}

describe('createDecodedSessionCache', () => {
  const nowMs = 1_700_000_000_000;
  const exp = nowMs / 1000 + 3600;

  it('decodes a cookie once and answers later requests from the cache', async () => {
    const cache = createDecodedSessionCache({ now: () => nowMs });
    const { calls, decode } = counting(() => ({ userId: 'u1', exp }));
    expect(await cache.get('cookie-a', decode)).toEqual({ userId: 'u1', exp });
    expect(await cache.get('cookie-a', decode)).toEqual({ userId: 'u1', exp });
    expect(calls).toEqual(['cookie-a']);
  });

  it('never answers one cookie with another cookie’s session', async () => {
    const cache = createDecodedSessionCache({ now: () => nowMs });
    const { decode } = counting((raw) => ({ userId: raw === 'cookie-a' ? 'ada' : 'bob', exp }));
    await cache.get('cookie-a', decode);
    expect(await cache.get('cookie-b', decode)).toMatchObject({ userId: 'bob' });
  });

  it('decodes again once the token has expired', async () => {
    let now = nowMs;
    const cache = createDecodedSessionCache({ now: () => now });
    const { calls, decode } = counting(() => ({ userId: 'u1', exp: nowMs / 1000 + 60 }));
    await cache.get('cookie-a', decode);
    now += 61_000;
    await cache.get('cookie-a', decode);
    expect(calls).toHaveLength(2);
  });

  it('keeps neither rejected cookies nor tokens without an expiry', async () => {
    const cache = createDecodedSessionCache({ now: () => nowMs });
    const rejected = counting(() => null);
    await cache.get('forged', rejected.decode);
    await cache.get('forged', rejected.decode);
    expect(rejected.calls).toHaveLength(2);
    const noExpiry = counting(() => ({ userId: 'u1' }));
    await cache.get('cookie-x', noExpiry.decode);
    await cache.get('cookie-x', noExpiry.decode);
    expect(noExpiry.calls).toHaveLength(2);
  });

  it('holds at most its bound, dropping the least recently used', async () => {
    const cache = createDecodedSessionCache({ now: () => nowMs, maxEntries: 2 });
    const { calls, decode } = counting((raw) => ({ userId: raw, exp }));
    await cache.get('a', decode);
    await cache.get('b', decode);
    await cache.get('a', decode);
    await cache.get('c', decode); // drops b
    await cache.get('a', decode);
    await cache.get('b', decode);
    expect(calls).toEqual(['a', 'b', 'c', 'b']);
  });
});
