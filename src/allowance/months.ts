import { InvalidInputError } from '../common/domain-errors';
import { monthEnd } from '../rules/common/dates';

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Validates a "YYYY-MM" month (400 otherwise). */
export function requireMonth(value: unknown, field = 'month'): string {
  if (typeof value !== 'string' || !MONTH_RE.test(value))
    throw new InvalidInputError('Bulan tidak valid / invalid month', [{ field, problem: 'must be a month YYYY-MM' }]);
  return value;
}

export function isDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

export function monthFromIndex(i: number): string {
  return `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;
}

export function addMonths(month: string, n: number): string {
  return monthFromIndex(monthIndex(month) + n);
}

export function firstDay(month: string): string {
  return `${month}-01`;
}

export const lastDay = monthEnd;

/** Monday–Friday dates of a month (YYYY-MM-DD). */
export function weekdaysOf(month: string): string[] {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const out: string[] = [];
  for (let d = new Date(Date.UTC(y, m - 1, 1)); d.getUTCMonth() === m - 1; d.setUTCDate(d.getUTCDate() + 1)) {
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6) out.push(d.toISOString().slice(0, 10));
  }
  return out;
}
