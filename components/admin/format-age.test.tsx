import { describe, expect, it } from 'vitest';
import { formatAge } from './format-age';

const now = new Date('2030-01-10T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);

describe('formatAge', () => {
  it('reads naturally from seconds to days, in English by default', () => {
    expect(formatAge(ago(10_000), now)).toBe('now');
    expect(formatAge(ago(60_000), now)).toBe('1 minute ago');
    expect(formatAge(ago(3 * 3_600_000), now)).toBe('3 hours ago');
    expect(formatAge(ago(25 * 3_600_000), now)).toBe('1 day ago');
    expect(formatAge(ago(49 * 3_600_000), now)).toBe('2 days ago');
  });

  it('speaks the reader’s language', () => {
    expect(formatAge(ago(5 * 60_000), now, 'de')).toBe('vor 5 Minuten');
    expect(formatAge(ago(25 * 3_600_000), now, 'de')).toBe('vor 1 Tag');
    expect(formatAge(ago(3 * 3_600_000), now, 'ja')).toBe('3 時間前');
    expect(formatAge(ago(10_000), now, 'ja')).toBe('今');
  });

  it('never says a request was made in the future when clocks disagree', () => {
    expect(formatAge(ago(-120_000), now)).toBe('now');
  });
});
