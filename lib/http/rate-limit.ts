import 'server-only';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { getConfig } from '@/lib/config';

export interface RateLimitRule {
  /** Distinguishes counters, e.g. "search" or "feedback". */
  name: string;
  points: number;
  durationSeconds: number;
}

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** The RateLimiter port: in memory for one process, Redis when replicas must share the count. */
export interface RateLimiter {
  consume(rule: RateLimitRule, key: string): Promise<RateLimitDecision>;
}

function decide(result: unknown): RateLimitDecision {
  if (result instanceof RateLimiterRes) {
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(result.msBeforeNext / 1000)) };
  }
  throw result;
}

export function createRateLimiter(factory: (rule: RateLimitRule) => RateLimiterAbstract): RateLimiter {
  const limiters = new Map<string, RateLimiterAbstract>();
  return {
    async consume(rule, key) {
      const id = `${rule.name}:${rule.points}:${rule.durationSeconds}`;
      let limiter = limiters.get(id);
      if (!limiter) {
        limiter = factory(rule);
        limiters.set(id, limiter);
      }
      try {
        await limiter.consume(key);
        return { allowed: true };
      } catch (error) {
        return decide(error);
      }
    },
  };
}

export function createMemoryRateLimiter(): RateLimiter {
  return createRateLimiter(
    (rule) => new RateLimiterMemory({ keyPrefix: rule.name, points: rule.points, duration: rule.durationSeconds }),
  );
}

export function createRedisRateLimiter(redis: Redis, prefix = 'gl:rl'): RateLimiter {
  return createRateLimiter(
    (rule) =>
      new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${prefix}:${rule.name}`,
        points: rule.points,
        duration: rule.durationSeconds,
        // When Redis is down, count in memory rather than fail every request.
        insuranceLimiter: new RateLimiterMemory({ points: rule.points, duration: rule.durationSeconds }),
      }),
  );
}

const holder = globalThis as typeof globalThis & { __greenlightRateLimiter?: RateLimiter };

export function getRateLimiter(): RateLimiter {
  if (!holder.__greenlightRateLimiter) {
    const { REDIS_URL } = getConfig();
    holder.__greenlightRateLimiter = REDIS_URL
      ? createRedisRateLimiter(new Redis(REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false }))
      : createMemoryRateLimiter();
  }
  return holder.__greenlightRateLimiter;
}

export function setRateLimiterForTests(limiter: RateLimiter | undefined): void {
  holder.__greenlightRateLimiter = limiter;
}
