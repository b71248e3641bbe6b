/** The current year and month in WIB (the agencies' calendar). */
export function currentYear(now = new Date()): number {
  return Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Jakarta' }).format(now));
}
export function currentMonth(now = new Date()): number {
  return Number(new Intl.DateTimeFormat('en', { month: 'numeric', timeZone: 'Asia/Jakarta' }).format(now));
}

/** Period ids of a year under the default (quarterly) cadence, then the annual one. */
export function periodsOf(year: number): string[] {
  return [1, 2, 3, 4].map((q) => `${year}-Q${q}`).concat(String(year));
}

/**
 * The period a rater most likely works on: the annual one in December (or for a past year), else the
 * latest quarter whose last month has begun (ratings wait for it).
 */
export function defaultPeriod(year: number, now = new Date()): string {
  const y = currentYear(now);
  const m = currentMonth(now);
  if (year < y || m === 12) return String(year);
  const q = Math.floor(m / 3);
  return q >= 1 ? `${year}-Q${q}` : `${year}-Q1`;
}
