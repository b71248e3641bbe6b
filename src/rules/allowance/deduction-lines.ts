import { Dec, show, toDecOf, type Dec as DecT } from '../common/decimal';
import type { DeductionCode } from '../common/enums';
import { asArray, asInt } from '../common/validate';
import type { AllowanceWarning, AllowanceWarningCode, Band } from './types';

/** A deduction line before rounding to integer rupiah. */
export interface RawLine {
  code: DeductionCode;
  exact: DecT;
  reason: string;
  formula: string;
  /** Applied after the status factor (leave factor of 04 §5.3 step 7): not a discipline deduction. */
  afterSubtotal?: boolean;
}

export const warning = (code: AllowanceWarningCode, message: string): AllowanceWarning => ({ code, message });

export function bandFor(minutes: number | null, bands: Band[]): DecT {
  if (minutes === null) return toDecOf(bands[bands.length - 1], 'pct', 'band.'); // no check-in = last band
  if (minutes <= 0) return new Dec(0);
  for (const b of bands) {
    if (minutes >= b.fromMin && (b.toMin === null || minutes <= b.toMin)) return toDecOf(b, 'pct', 'band.');
  }
  return new Dec(0);
}

export function parseMinutes(raw: unknown, field: string): (number | null)[] {
  if (raw === undefined) return [];
  return asArray(raw, field).map((v, i) => (v === null ? null : asInt(v, `${field}[${i}]`, 0)));
}

/** Truncates lines in order so that their running total never exceeds `cap` (exact values). */
export function capLines(
  lines: RawLine[],
  cap: DecT,
  order: DeductionCode[],
  why: string,
  floorFn: (d: DecT) => DecT,
): void {
  let remaining = cap;
  const rank = (c: DeductionCode) => (order.includes(c) ? order.indexOf(c) : -1);
  const ordered = [...lines].sort((a, b) => rank(a.code) - rank(b.code));
  for (const l of ordered) {
    if (l.exact.lte(remaining)) {
      remaining = remaining.minus(l.exact);
    } else {
      const cut = Dec.max(new Dec(0), floorFn(remaining));
      l.reason = `${l.reason}; dibatasi ${why}`;
      l.formula = `${l.formula} → dibatasi menjadi ${show(cut)}`;
      l.exact = cut;
      remaining = new Dec(0);
    }
  }
}
