import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedisRateLimiter } from '@/lib/http/rate-limit';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('a replica that has just started', () => {
  const prefix = `gl:test:${randomUUID()}`;
  const clients: Redis[] = [];
  const connect = () => {
    // As getRateLimiter creates it: connecting in the background, no offline queue.
    const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
    clients.push(redis);
    return redis;
  };

  afterAll(async () => {
    const keys = await clients[0]!.keys(`${prefix}*`);
    if (keys.length) await clients[0]!.del(...keys);
    for (const redis of clients) redis.disconnect();
  });

  it('counts its very first request in Redis, where other replicas see it', async () => {
    const rule = { name: 'first', points: 2, durationSeconds: 60 };
    const replicaA = createRedisRateLimiter(connect(), prefix);
    const replicaB = createRedisRateLimiter(connect(), prefix);
    const decisions = [
      await replicaA.consume(rule, 'client'),
      await replicaB.consume(rule, 'client'),
      await replicaA.consume(rule, 'client'),
    ];
    expect(decisions.map((decision) => decision.allowed)).toEqual([true, true, false]);
  });
});
