/**
 * Evaluation periods (spec 01 §5; contract ids `2026`, `2026-Q1`…`2026-Q4`, `2026-01`…`2026-12`).
 * The periodic cadence (MONTHLY or QUARTERLY) is an agency setting per year; ANNUAL always exists
 * and is judged on its own (never averaged from the periodic ones).
 */
import { MONTHS_ID } from '../common/format-id';
import { monthEndOf } from '../rules/common/dates';

export const PERIOD_KINDS = ['ANNUAL', 'QUARTERLY', 'MONTHLY'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export const CADENCES = ['MONTHLY', 'QUARTERLY'] as const;
export type Cadence = (typeof CADENCES)[number];
/** Cadence of a year nobody configured: the official forms' Triwulan I–IV-Akhir (INFERRED default). */
export const DEFAULT_CADENCE: Cadence = 'QUARTERLY';

/** One period of a year's evaluation calendar. */
export interface CalendarPeriod {
  period: string;
  periodKind: PeriodKind;
  fromMonth: string;
  toMonth: string;
  start: string;
  end: string;
}

export interface EvaluationCalendar {
  year: number;
  cadence: Cadence;
  /** false: nobody set the cadence of the year; the default applies. */
  configured: boolean;
  periods: CalendarPeriod[];
}

export interface EvaluationPeriod {
  period: string;
  kind: PeriodKind;
  year: number;
  /** 1-based quarter or month; 0 for ANNUAL. */
  index: number;
  fromMonth: string;
  toMonth: string;
  /** First and last day (YYYY-MM-DD). */
  start: string;
  end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

function build(
  kind: PeriodKind,
  year: number,
  index: number,
  fromM: number,
  toM: number,
  period: string,
): EvaluationPeriod {
  return {
    period,
    kind,
    year,
    index,
    fromMonth: `${year}-${pad(fromM)}`,
    toMonth: `${year}-${pad(toM)}`,
    start: `${year}-${pad(fromM)}-01`,
    end: monthEndOf(year, toM),
  };
}

/** Parses a period id; null when it is not one. */
export function parsePeriodId(id: string): EvaluationPeriod | null {
  let m = /^(\d{4})$/.exec(id);
  if (m) return inRange(build('ANNUAL', Number(m[1]), 0, 1, 12, id));
  m = /^(\d{4})-Q([1-4])$/.exec(id);
  if (m) {
    const q = Number(m[2]);
    return inRange(build('QUARTERLY', Number(m[1]), q, q * 3 - 2, q * 3, id));
  }
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(id);
  if (m) return inRange(build('MONTHLY', Number(m[1]), Number(m[2]), Number(m[2]), Number(m[2]), id));
  return null;
}

function inRange(p: EvaluationPeriod): EvaluationPeriod | null {
  return p.year >= 2000 && p.year <= 2100 ? p : null;
}

/** Every period of a year under a cadence: the periodic ones, then the ANNUAL one. */
export function periodsOfYear(year: number, cadence: Cadence): EvaluationPeriod[] {
  const periodic =
    cadence === 'QUARTERLY'
      ? [1, 2, 3, 4].map((q) => build('QUARTERLY', year, q, q * 3 - 2, q * 3, `${year}-Q${q}`))
      : Array.from({ length: 12 }, (_, i) => build('MONTHLY', year, i + 1, i + 1, i + 1, `${year}-${pad(i + 1)}`));
  return [...periodic, build('ANNUAL', year, 0, 1, 12, String(year))];
}

/** Whether a period belongs to a year's evaluation calendar (ANNUAL always; periodic ones per cadence). */
export function fitsCadence(p: EvaluationPeriod, cadence: Cadence): boolean {
  return p.kind === 'ANNUAL' || p.kind === cadence;
}

/** The date on which "who is whose PPK / where" is judged for a period: today, kept inside the period. */
export function periodReferenceDate(p: EvaluationPeriod, today: string): string {
  return today < p.start ? p.start : today > p.end ? p.end : today;
}

const ROMAN = ['', 'I', 'II', 'III', 'IV'];

/** Label as the forms print it: "Triwulan I", "Triwulan IV-Akhir", "Maret 2026", "Tahunan 2026". */
export function periodLabel(p: EvaluationPeriod): string {
  if (p.kind === 'ANNUAL') return `Tahunan ${p.year}`;
  if (p.kind === 'QUARTERLY') return `Triwulan ${ROMAN[p.index]}${p.index === 4 ? '-Akhir' : ''} ${p.year}`;
  return `${MONTHS_ID[p.index - 1]} ${p.year}`;
}

/** First day of the period's last month (YYYY-MM-DD). */
export function lastMonthStart(p: EvaluationPeriod): string {
  return `${p.toMonth}-01`;
}

/**
 * Whether a period may be rated or finalised on `today` (spec 01 §3.5, §6): once its last month has
 * begun (an annual evaluation from 1 December), unless `evaluation.rateBeforePeriodEnd` allows it.
 */
export function ratableOn(p: EvaluationPeriod, today: string, rateBeforePeriodEnd: boolean): boolean {
  return rateBeforePeriodEnd || today >= lastMonthStart(p);
}
