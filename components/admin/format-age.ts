/**
 * "5 minutes ago", "vor 3 Stunden", "12 日前": how long a request has waited, in the reader's
 * language, for people scanning a list. Whole units only (Intl.RelativeTimeFormat does the words).
 */
export function formatAge(from: Date, now: Date, locale = 'en'): string {
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const minutes = Math.max(0, Math.floor((now.getTime() - from.getTime()) / 60_000));
  if (minutes < 1) return relative.format(0, 'second');
  if (minutes < 60) return relative.format(-minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return relative.format(-hours, 'hour');
  const days = Math.floor(hours / 24);
  // numeric 'auto' would say "yesterday", which reads as a date rather than a wait.
  return new Intl.RelativeTimeFormat(locale, { numeric: 'always' }).format(-days, 'day');
}
