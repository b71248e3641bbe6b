import { Dec, pct, show, toDec, type Dec as DecT } from '../common/decimal';
import { RuleInputError } from '../common/errors';
import { asArray, asInt, asObject } from '../common/validate';
import { rupiah } from './money';
import { warning, type RawLine } from './deduction-lines';
import type { AllowanceRuleSet, AllowanceWarning, LeaveMode, LeaveRule } from './types';

const LEAVE_MODES: readonly LeaveMode[] = ['NO_CUT', 'PCT_PER_DAY', 'EXCLUDE_DAYS', 'MONTH_UNPAID'];
const LEAVE_CODE = /^[A-Z][A-Z0-9_]{0,39}$/;

export interface LeaveItem {
  type: string;
  days: number;
  childOrder?: number;
}

/** Leave of the month: `leave` items plus the older `attendance.leaveDays` map (same meaning). */
export function parseLeave(obj: Record<string, unknown>, leaveDays: Record<string, unknown>): LeaveItem[] {
  const items: LeaveItem[] = [];
  if (obj.leave !== undefined && obj.leave !== null)
    asArray(obj.leave, 'leave').forEach((raw, i) => {
      const o = asObject(raw, `leave[${i}]`);
      if (typeof o.type !== 'string' || !LEAVE_CODE.test(o.type))
        throw new RuleInputError(
          `must be a leave code (A–Z, 0–9, _), got ${JSON.stringify(o.type)}`,
          `leave[${i}].type`,
        );
      items.push({
        type: o.type,
        days: asInt(o.days, `leave[${i}].days`, 0, 31),
        childOrder:
          o.childOrder === undefined || o.childOrder === null
            ? undefined
            : asInt(o.childOrder, `leave[${i}].childOrder`, 1),
      });
    });
  for (const [type, days] of Object.entries(leaveDays))
    items.push({ type, days: asInt(days, `attendance.leaveDays.${type}`, 0, 31) });
  return items;
}

/** Mode of a leave rule; an older rule with only `pctPerDay` is PCT_PER_DAY (04 §5.2). */
export function leaveMode(rule: LeaveRule, field: string): LeaveMode {
  const mode = rule.mode ?? (rule.pctPerDay !== undefined ? 'PCT_PER_DAY' : 'NO_CUT');
  if (!LEAVE_MODES.includes(mode))
    throw new RuleInputError(`must be one of ${LEAVE_MODES.join(' | ')}`, `${field}.mode`);
  return mode;
}

export interface LeaveEffect {
  /** PCT_PER_DAY lines (discipline deductions, step 6). */
  lines: RawLine[];
  /** f_leave of step 7 with its explanation; 1 = none. */
  factor: DecT;
  factorReason: string;
  factorFormula: string;
}

/**
 * Leave types of 04 §5.2: NO_CUT; PCT_PER_DAY (CUTI line per type on the disiplin part or B); EXCLUDE_DAYS
 * (days of all such types added, then (D − L)/D once); MONTH_UNPAID (factor 0 above thresholdDays, per type
 * summed over the month); a child order above maxChildOrder switches to beyondMode (04 §9.1).
 */
export function leaveEffect(
  items: LeaveItem[],
  rs: AllowanceRuleSet,
  B: DecT,
  Bdis: DecT,
  D: number,
  round: (d: DecT) => DecT,
  warnings: AllowanceWarning[],
): LeaveEffect {
  const lines: RawLine[] = [];
  const byType = new Map<string, { days: number; mode: LeaveMode; rule: LeaveRule }>();
  for (const it of items) {
    if (it.days === 0) continue;
    const rule = rs.leaveRules[it.type];
    if (!rule) {
      warnings.push(warning('LEAVE_RULE_MISSING', `Cuti ${it.type} tidak diatur dalam rule set: tidak ada potongan`));
      continue;
    }
    let mode = leaveMode(rule, `ruleSet.leaveRules.${it.type}`);
    if (rule.maxChildOrder !== undefined && it.childOrder !== undefined && it.childOrder > rule.maxChildOrder)
      mode = rule.beyondMode ?? 'MONTH_UNPAID';
    const key = `${it.type}|${mode}`;
    const prev = byType.get(key);
    byType.set(key, { days: (prev?.days ?? 0) + it.days, mode, rule });
  }
  let excluded = 0;
  const excludedTypes: string[] = [];
  const unpaid: string[] = [];
  for (const [key, { days, mode, rule }] of byType) {
    const type = key.split('|')[0];
    if (mode === 'PCT_PER_DAY') {
      const p = toDec(rule.pct ?? rule.pctPerDay, `ruleSet.leaveRules.${type}.pct`);
      if (p.isZero()) continue;
      const base = rule.base === 'WHOLE' ? B : Bdis;
      const exact = base.times(p).times(days);
      lines.push({
        code: 'CUTI',
        exact: round(exact),
        reason: `${type} ${days} hari`,
        formula: `${days} × ${pct(p)} × ${rule.base === 'WHOLE' ? 'besaran TPP' : 'bagian disiplin'} ${rupiah(base)} = ${show(exact)}`,
      });
    } else if (mode === 'EXCLUDE_DAYS') {
      excluded += days;
      excludedTypes.push(`${type} ${days} hari`);
    } else if (mode === 'MONTH_UNPAID' && days > (rule.thresholdDays ?? 0)) {
      unpaid.push(`${type} ${days} hari > ${rule.thresholdDays ?? 0}`);
    }
  }
  if (unpaid.length > 0)
    return {
      lines,
      factor: new Dec(0),
      factorReason: `Cuti tidak dibayar sebulan: ${unpaid.join('; ')}`,
      factorFormula: `faktor cuti 0 (${unpaid.join('; ')})`,
    };
  if (excluded > 0) {
    const L = Math.min(excluded, D);
    return {
      lines,
      factor: new Dec(D - L).div(D),
      factorReason: `Hari cuti tidak dibayar: ${excludedTypes.join(', ')}`,
      factorFormula: `faktor cuti (${D} − ${L}) / ${D}`,
    };
  }
  return { lines, factor: new Dec(1), factorReason: '', factorFormula: '' };
}
