import { describe, expect, it } from 'vitest';
import { formatDuration } from './format-duration';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('formatDuration', () => {
  it('names the two largest units, in English', () => {
    expect(formatDuration(null, 'en')).toBe('–');
    expect(formatDuration(40_000, 'en')).toBe('40 sec');
    expect(formatDuration(15 * MINUTE, 'en')).toBe('15 min');
    expect(formatDuration(2 * HOUR + 15 * MINUTE, 'en')).toBe('2 hr 15 min');
    expect(formatDuration(3 * HOUR, 'en')).toBe('3 hr');
    expect(formatDuration(27 * HOUR, 'en')).toBe('1 day 3 hr');
  });

  it('uses the units of German and Japanese', () => {
    expect(formatDuration(2 * HOUR + 15 * MINUTE, 'de')).toBe('2 Std. 15 Min.');
    expect(formatDuration(27 * HOUR, 'de')).toBe('1 Tg. 3 Std.');
    expect(formatDuration(2 * HOUR + 15 * MINUTE, 'ja')).toBe('2 時間 15 分');
  });
});
