/** How long a request has waited, in the unit people scan a list by; the words come from the catalog. */
export type Age = { unit: 'justNow' } | { unit: 'minutes' | 'hours' | 'days'; count: number };

export function ageOf(from: Date, now: Date): Age {
  const minutes = Math.max(0, Math.floor((now.getTime() - from.getTime()) / 60_000));
  if (minutes < 1) return { unit: 'justNow' };
  if (minutes < 60) return { unit: 'minutes', count: minutes };
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return { unit: 'hours', count: hours };
  return { unit: 'days', count: Math.floor(hours / 24) };
}
