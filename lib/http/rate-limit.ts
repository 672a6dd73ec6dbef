import 'server-only';
import { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
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

function createRateLimiter(factory: (rule: RateLimitRule) => RateLimiterAbstract): RateLimiter {
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
    (rule) =>
      new RateLimiterMemory({ keyPrefix: rule.name, points: rule.points, duration: rule.durationSeconds }),
  );
}

/**
 * A new client is still connecting when the first request arrives, and with the offline queue off
 * that request's command would fail into the in-memory insurance count, which other replicas never
 * see. So a connecting client is given a moment; one that is reconnecting (Redis down) is not.
 */
function whenConnected(redis: Redis, timeoutMs: number): Promise<void> {
  if (redis.status !== 'wait' && redis.status !== 'connecting' && redis.status !== 'connect')
    return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      redis.off('ready', done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    redis.once('ready', done);
  });
}

export function createRedisRateLimiter(redis: Redis, prefix = 'gl:rl'): RateLimiter {
  const limiter = createRedisRuleLimiters(redis, prefix);
  return {
    async consume(rule, key) {
      await whenConnected(redis, 1_000);
      return limiter.consume(rule, key);
    },
  };
}

function createRedisRuleLimiters(redis: Redis, prefix: string): RateLimiter {
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

/** A limiter that allows `multiplier` times each rule's points (RATE_LIMIT_MULTIPLIER, for load benchmarks). */
export function scaleRateLimits(limiter: RateLimiter, multiplier: number): RateLimiter {
  if (multiplier === 1) return limiter;
  return { consume: (rule, key) => limiter.consume({ ...rule, points: rule.points * multiplier }, key) };
}

export function getRateLimiter(): RateLimiter {
  if (!holder.__greenlightRateLimiter) {
    const { REDIS_URL, RATE_LIMIT_PREFIX, RATE_LIMIT_MULTIPLIER } = getConfig();
    const limiter = REDIS_URL
      ? createRedisRateLimiter(
          new Redis(REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false }),
          RATE_LIMIT_PREFIX,
        )
      : createMemoryRateLimiter();
    holder.__greenlightRateLimiter = scaleRateLimits(limiter, RATE_LIMIT_MULTIPLIER);
  }
  return holder.__greenlightRateLimiter;
}

export function setRateLimiterForTests(limiter: RateLimiter | undefined): void {
  holder.__greenlightRateLimiter = limiter;
}
