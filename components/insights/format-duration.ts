/**
 * "2 hr 15 min", "2 Std. 15 Min.", "2 時間 15 分": a median wait in the reader's language, to the
 * minute under a day and to the hour above (Intl's unit names; Node 20 has no Intl.DurationFormat).
 */
export function formatDuration(ms: number | null, locale: string): string {
  if (ms === null) return '–';
  const unit = (value: number, name: 'second' | 'minute' | 'hour' | 'day') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);
  const both = (big: string, small: string | null) => (small ? `${big} ${small}` : big);
  const minutes = Math.round(ms / 60_000);
  if (ms < 60_000) return unit(Math.round(ms / 1000), 'second');
  if (minutes < 60) return unit(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return both(unit(hours, 'hour'), minutes % 60 ? unit(minutes % 60, 'minute') : null);
  const days = Math.floor(hours / 24);
  return both(unit(days, 'day'), hours % 24 ? unit(hours % 24, 'hour') : null);
}
