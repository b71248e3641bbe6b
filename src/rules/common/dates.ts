/**
 * Calendar arithmetic on ISO strings with plain integers (no Date objects, no clock).
 * Dates are "YYYY-MM-DD", months "YYYY-MM".
 */
import { RuleInputError } from './errors';
import { describe } from './decimal';

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;

export function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Without a table per call: every parsed date checks its day against it (the AK and KP rules parse many). */
export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeap(y) ? 29 : MONTH_DAYS[m - 1];
}

/** The last day (YYYY-MM-DD) of month `m` (1–12) of year `y`. */
export function monthEndOf(y: number, m: number): string {
  return formatDate({ y, m, d: daysInMonth(y, m) });
}

/** The last day (YYYY-MM-DD) of a month given as YYYY-MM. */
export function monthEnd(month: string): string {
  return monthEndOf(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
}

export function parseDate(value: unknown, field: string): Ymd {
  const match = typeof value === 'string' ? DATE_RE.exec(value) : null;
  if (!match) throw new RuleInputError(`must be a date YYYY-MM-DD, got ${describe(value)}`, field);
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m))
    throw new RuleInputError(`is not a valid calendar date: ${String(value)}`, field);
  return { y, m, d };
}

export function formatDate({ y, m, d }: Ymd): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Month index = year × 12 + (month − 1); consecutive months differ by 1. */
export function parseMonth(value: unknown, field: string): number {
  const match = typeof value === 'string' ? MONTH_RE.exec(value) : null;
  if (!match) throw new RuleInputError(`must be a month YYYY-MM, got ${describe(value)}`, field);
  const y = Number(match[1]);
  const m = Number(match[2]);
  if (m < 1 || m > 12) throw new RuleInputError(`is not a valid month: ${String(value)}`, field);
  return y * 12 + (m - 1);
}

export function formatMonth(index: number): string {
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
}

export function monthOfDate(date: Ymd): number {
  return date.y * 12 + (date.m - 1);
}

/** First day of a month index as YYYY-MM-DD. */
export function monthStart(index: number): string {
  return `${formatMonth(index)}-01`;
}

/** Days since 1970-01-01 (proleptic Gregorian), for weekday and day arithmetic. */
export function toDayNumber({ y, m, d }: Ymd): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(n: number): Ymd {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return { y, m, d };
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: Ymd): number {
  const n = toDayNumber(date); // 1970-01-01 was a Thursday (4)
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

export function addDays(date: string, days: number): string {
  return formatDate(fromDayNumber(toDayNumber(parseDate(date, 'date')) + days));
}

/** Adds calendar months to a date, clamping the day to the target month's length. */
export function addMonthsToDate(date: string, months: number): string {
  const { y, m, d } = parseDate(date, 'date');
  const idx = y * 12 + (m - 1) + months;
  const ny = Math.floor(idx / 12);
  const nm = (idx % 12) + 1;
  return formatDate({ y: ny, m: nm, d: Math.min(d, daysInMonth(ny, nm)) });
}
