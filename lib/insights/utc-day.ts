const DAY_MS = 24 * 60 * 60 * 1000;

/** Days are UTC calendar days ("2025-03-14"), so every admin and the CSV agree on the buckets. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export function startOfUtcDay(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

export function addUtcDays(day: string, count: number): string {
  return utcDay(new Date(startOfUtcDay(day).getTime() + count * DAY_MS));
}

/** Every day from `from` to `to`, both included. */
export function utcDaysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addUtcDays(day, 1)) days.push(day);
  return days;
}

export function daysSpanned(from: string, to: string): number {
  return Math.round((startOfUtcDay(to).getTime() - startOfUtcDay(from).getTime()) / DAY_MS) + 1;
}
