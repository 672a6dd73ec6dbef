import { describe, expect, it } from 'vitest';
import { ageOf } from './format-age';

const now = new Date('2030-01-10T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);

describe('ageOf', () => {
  it('picks the unit people scan a list by, from seconds to days', () => {
    expect(ageOf(ago(10_000), now)).toEqual({ unit: 'justNow' });
    expect(ageOf(ago(60_000), now)).toEqual({ unit: 'minutes', count: 1 });
    expect(ageOf(ago(3 * 3_600_000), now)).toEqual({ unit: 'hours', count: 3 });
    expect(ageOf(ago(49 * 3_600_000), now)).toEqual({ unit: 'days', count: 2 });
  });
});
