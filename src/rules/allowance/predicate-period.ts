import { formatMonth, parseMonth } from '../common/dates';
import { RuleInputError } from '../common/errors';
import { explanation, type Explanation } from '../common/explanation';
import { asObject } from '../common/validate';

export const PREDIKAT_SOURCES = ['MONTHLY', 'QUARTERLY', 'ANNUAL'] as const;
export type PredikatSource = (typeof PREDIKAT_SOURCES)[number];

export interface PredicatePeriodInput {
  /** Allowance month "YYYY-MM". */
  month: string;
  source: PredikatSource;
  lag: 0 | 1;
}

export interface PredicatePeriodResult {
  /** Evaluation period whose FINAL predikat pays the month: "2026-05", "2026-Q2" or "2026". */
  period: string;
  kind: PredikatSource;
  /** First and last month of that period. */
  fromMonth: string;
  toMonth: string;
  explanation: Explanation;
}

/**
 * Which predikat pays which allowance month (spec 04 §5.4, rule `allowance.predicatePeriod`):
 * MONTHLY → the month or the previous month; QUARTERLY → the quarter containing the month or the
 * previous quarter (Kemenlu: quarter t pays quarter t+1); ANNUAL → the year or the previous year
 * (KLHK, Kemenag). `lag` is the rule set's `predikatLag`.
 */
const isPredikatSource = (v: unknown): v is PredikatSource => (PREDIKAT_SOURCES as readonly unknown[]).includes(v);

export function predicatePeriod(input: PredicatePeriodInput): PredicatePeriodResult {
  const obj = asObject(input, 'input');
  const idx = parseMonth(obj.month, 'month');
  const source = obj.source;
  if (!isPredikatSource(source))
    throw new RuleInputError(`must be one of ${PREDIKAT_SOURCES.join(' | ')}, got ${JSON.stringify(source)}`, 'source');
  const lag = obj.lag === undefined ? 0 : obj.lag;
  if (lag !== 0 && lag !== 1) throw new RuleInputError(`must be 0 or 1, got ${JSON.stringify(lag)}`, 'lag');
  let period: string;
  let from: number;
  let to: number;
  if (source === 'MONTHLY') {
    from = idx - lag;
    to = from;
    period = formatMonth(from);
  } else if (source === 'QUARTERLY') {
    const q = Math.floor(idx / 3) - lag; // quarter index: year × 4 + (quarter − 1)
    from = q * 3;
    to = from + 2;
    period = `${String(Math.floor(q / 4)).padStart(4, '0')}-Q${(q % 4) + 1}`;
  } else {
    const y = Math.floor(idx / 12) - lag;
    from = y * 12;
    to = from + 11;
    period = String(y).padStart(4, '0');
  }
  const label = source === 'MONTHLY' ? 'bulan' : source === 'QUARTERLY' ? 'triwulan' : 'tahun';
  return {
    period,
    kind: source,
    fromMonth: formatMonth(from),
    toMonth: formatMonth(to),
    explanation: explanation({
      ruleId: 'allowance.predicatePeriod',
      legalBasis:
        'Spec 04 §5.4; rule set predikatSource / predikatLag (03 §10.2: Kemenlu triwulan t → t+1, KLHK/Kemenag tahun t → t+1)',
      status: 'CONFIRMED',
      inputs: { month: obj.month, source, lag },
      formula: `${String(obj.month)}, sumber ${source}, lag ${String(lag)} → predikat ${label} ${period}`,
    }),
  };
}
