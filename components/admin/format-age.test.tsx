import { describe, expect, it } from 'vitest';
import { formatAge } from './format-age';

const now = new Date('2030-01-10T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);

describe('formatAge', () => {
  it('reads naturally from seconds to days', () => {
    expect(formatAge(ago(10_000), now)).toBe('just now');
    expect(formatAge(ago(60_000), now)).toBe('1 minute');
    expect(formatAge(ago(3 * 3_600_000), now)).toBe('3 hours');
    expect(formatAge(ago(49 * 3_600_000), now)).toBe('2 days');
  });
});
