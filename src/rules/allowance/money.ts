import { Dec, type Dec as DecT } from '../common/decimal';
import type { AllowanceRuleSet } from './types';

/** Formats integer rupiah as "Rp5.000.000". */
export function rupiah(value: DecT | number): string {
  // A safe integer (every amount of a line) prints its digits exactly without a Decimal; -0 is negative as in Dec.
  if (typeof value === 'number' && Number.isSafeInteger(value))
    return groupRupiah(value < 0 || Object.is(value, -0), String(Math.abs(value)));
  const d = typeof value === 'number' ? new Dec(value) : value;
  const abs = d.abs();
  // An integer needs no rounding (toDecimalPlaces(0) would only copy it).
  return groupRupiah(d.isNeg(), (abs.isInteger() ? abs : abs.toDecimalPlaces(0, Dec.ROUND_HALF_UP)).toFixed(0));
}

/** "5000000" → "Rp5.000.000": a dot between groups of three digits from the right. */
function groupRupiah(neg: boolean, digits: string): string {
  const head = digits.length % 3 || 3;
  let out = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) out += `.${digits.slice(i, i + 3)}`;
  return `${neg ? '−' : ''}Rp${out}`;
}

/** Rounds an amount to the rule set's unit, half-up (NEAREST) — used for the split and info lines. */
export function roundNearest(d: DecT, rs: AllowanceRuleSet): DecT {
  const unit = new Dec(rs.rounding.unit);
  return d.div(unit).toDecimalPlaces(0, Dec.ROUND_HALF_UP).times(unit);
}

/**
 * Rounds a deduction to the rule set's unit: NEAREST = half-up; FLOOR (payable floored) = deduction rounded up.
 */
export function roundDeduction(d: DecT, rs: AllowanceRuleSet): DecT {
  const unit = new Dec(rs.rounding.unit);
  const q = d.div(unit);
  const r = rs.rounding.mode === 'FLOOR' ? q.ceil() : q.toDecimalPlaces(0, Dec.ROUND_HALF_UP);
  return r.times(unit);
}

/** Rounds a payable amount to the unit: NEAREST half-up, FLOOR down. */
export function roundPayable(d: DecT, rs: AllowanceRuleSet): DecT {
  const unit = new Dec(rs.rounding.unit);
  const q = d.div(unit);
  return (rs.rounding.mode === 'FLOOR' ? q.floor() : q.toDecimalPlaces(0, Dec.ROUND_HALF_UP)).times(unit);
}
