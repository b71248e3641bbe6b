import { Dec, type Dec as DecT } from '../common/decimal';
import type { AllowanceRuleSet } from './types';

/** Formats integer rupiah as "Rp5.000.000". */
export function rupiah(value: DecT | number): string {
  const d = typeof value === 'number' ? new Dec(value) : value;
  const neg = d.isNeg();
  const s = d.abs().toDecimalPlaces(0, Dec.ROUND_HALF_UP).toFixed(0);
  return `${neg ? '−' : ''}Rp${s.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;
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
