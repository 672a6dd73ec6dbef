import 'server-only';
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';

/**
 * Decoded session cookies, kept per process. Decoding is a key derivation plus a JWE decryption
 * on every signed-in request, and the same cookie always decodes to the same token until it
 * expires. Keyed by the cookie's SHA-256, so the process holds no usable credential as a key;
 * bounded in entries, and each entry lives no longer than its token's `exp` (nor five minutes).
 * Only successful decodes are kept: a forged cookie costs its sender a full decode every time.
 */
const MAX_ENTRIES = 10_000;
const MAX_AGE_MS = 5 * 60 * 1000;

type Payload = Readonly<Record<string, unknown>>;

export interface DecodedSessionCache {
  /** The payload `decode` gives for `raw`, from the cache while its token is valid. */
  get(raw: string, decode: (raw: string) => Promise<Payload | null>): Promise<Payload | null>;
}

export function createDecodedSessionCache({
  maxEntries = MAX_ENTRIES,
  now = Date.now,
}: { maxEntries?: number; now?: () => number } = {}): DecodedSessionCache {
  const entries = new LRUCache<string, { payload: Payload; expiresAtMs: number }>({ max: maxEntries });
  return {
    async get(raw, decode) {
      const key = createHash('sha256').update(raw).digest('base64url');
      const hit = entries.get(key);
      if (hit && hit.expiresAtMs > now()) return hit.payload;
      if (hit) entries.delete(key);
      const payload = await decode(raw);
      const exp = typeof payload?.exp === 'number' ? payload.exp * 1000 : undefined;
      // A token without an expiry is never kept: its lifetime is not the cache's to guess.
      if (payload && exp !== undefined && exp > now()) {
        entries.set(key, { payload: Object.freeze(payload), expiresAtMs: Math.min(exp, now() + MAX_AGE_MS) });
      }
      return payload;
    },
  };
}
