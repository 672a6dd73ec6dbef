import { describe, expect, it } from 'vitest';
import { createMemoryRateLimiter, scaleRateLimits } from './rate-limit';

const rule = { name: 'scale-test', points: 2, durationSeconds: 60 };

async function allowedOf(
  limiter: ReturnType<typeof createMemoryRateLimiter>,
  attempts: number,
): Promise<number> {
  let allowed = 0;
  for (let i = 0; i < attempts; i++) if ((await limiter.consume(rule, 'client')).allowed) allowed++;
  return allowed;
}

describe('scaleRateLimits', () => {
  it('leaves the limits alone at 1', async () => {
    const limiter = createMemoryRateLimiter();
    expect(scaleRateLimits(limiter, 1)).toBe(limiter);
    expect(await allowedOf(limiter, 5)).toBe(2);
  });

  it('multiplies every allowance (RATE_LIMIT_MULTIPLIER for load benchmarks)', async () => {
    expect(await allowedOf(scaleRateLimits(createMemoryRateLimiter(), 3), 10)).toBe(6);
  });
});
