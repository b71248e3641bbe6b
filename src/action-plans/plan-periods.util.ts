import { monthEndOf } from '../rules/common/dates';

/**
 * Periods of rencana aksi (spec 04 §2.1, `rencanaAksi.granularity`): quarters `2026-Q2` (default) or
 * months `2026-05`; the annual period (Tahunan-Akhir) has none.
 */
export type Granularity = 'QUARTER' | 'MONTH';

const pad = (n: number) => String(n).padStart(2, '0');

export interface PlanPeriod {
  id: string;
  year: number;
  start: string;
  end: string;
}

/** A plan period id of the granularity, or null. */
export function parsePlanPeriod(id: string, g: Granularity): PlanPeriod | null {
  const q = /^(\d{4})-Q([1-4])$/.exec(id);
  if (g === 'QUARTER' && q) {
    const y = Number(q[1]);
    const n = Number(q[2]);
    return { id, year: y, start: `${y}-${pad(n * 3 - 2)}-01`, end: monthEndOf(y, n * 3) };
  }
  const mm = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(id);
  if (g === 'MONTH' && mm) {
    const y = Number(mm[1]);
    const n = Number(mm[2]);
    return { id, year: y, start: `${y}-${pad(n)}-01`, end: monthEndOf(y, n) };
  }
  return null;
}

/** Plan periods inside an evaluation period (`2026`, `2026-Q2`, `2026-05`); a month lies in its quarter. */
export function planPeriodsOf(evaluationPeriod: string, g: Granularity): string[] {
  const y = evaluationPeriod.slice(0, 4);
  const months = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${y}-${pad(from + i)}`);
  const q = /-Q([1-4])$/.exec(evaluationPeriod);
  const m = /-(\d{2})$/.exec(evaluationPeriod);
  if (g === 'QUARTER') {
    if (q) return [evaluationPeriod];
    if (m) return [`${y}-Q${Math.ceil(Number(m[1]) / 3)}`];
    return [1, 2, 3, 4].map((n) => `${y}-Q${n}`);
  }
  if (q) return months(Number(q[1]) * 3 - 2, Number(q[1]) * 3);
  if (m) return [evaluationPeriod];
  return months(1, 12);
}
