import { Dec, toDec } from '../common/decimal';
import { RuleInputError } from '../common/errors';
import { monthStart } from '../common/dates';
import { SANCTIONS } from '../common/enums';
import { asObject } from '../common/validate';
import type { AllowanceConfig } from '../config/defaults';
import type { AllowanceRuleSet } from './types';

export interface ResolvedRuleSet {
  ruleSet: AllowanceRuleSet;
  /** "code@version". */
  ref: string;
  overridden: string[];
}

/** Picks the version of a registered rule set whose interval contains day 1 of the month (03 §11.1). */
export function selectRuleSetVersion(versions: readonly AllowanceRuleSet[], monthIndex: number): AllowanceRuleSet {
  const day1 = monthStart(monthIndex);
  const hit = versions.filter((v) => v.effectiveFrom <= day1 && (v.effectiveTo === null || day1 < v.effectiveTo));
  if (hit.length === 0)
    throw new RuleInputError(
      `tidak ada versi rule set yang berlaku pada ${day1} / no applicable rule set version (never silently paid)`,
      'ruleSet',
    );
  if (hit.length > 1)
    throw new RuleInputError(
      `versi rule set tumpang tindih pada ${day1}: ${hit.map((v) => `${v.code}@${v.version}`).join(', ')}`,
      'ruleSet',
    );
  return hit[0];
}

/**
 * Resolves the rule set of a computation: a registered code, `{ base, …overrides }`
 * (fields replaced wholesale), or a complete rule set object.
 */
export function resolveRuleSet(raw: unknown, monthIndex: number, cfg: AllowanceConfig): ResolvedRuleSet {
  if (typeof raw === 'string') {
    const versions = cfg.ruleSets[raw];
    if (!versions)
      throw new RuleInputError(`unknown rule set "${raw}" (known: ${Object.keys(cfg.ruleSets).join(', ')})`, 'ruleSet');
    const rs = selectRuleSetVersion(versions, monthIndex);
    validateRuleSet(rs);
    return { ruleSet: rs, ref: `${rs.code}@${rs.version}`, overridden: [] };
  }
  const obj = asObject(raw, 'ruleSet');
  if (typeof obj.base === 'string') {
    const base = resolveRuleSet(obj.base, monthIndex, cfg);
    const overridden = Object.keys(obj).filter((k) => k !== 'base');
    const overrides: Record<string, unknown> = {};
    for (const k of overridden) overrides[k] = obj[k];
    const rs = mergeRuleSetOverrides(base.ruleSet, overrides);
    validateRuleSet(rs);
    return { ruleSet: rs, ref: `${base.ref}${overridden.length ? `+{${overridden.join(',')}}` : ''}`, overridden };
  }
  const rs = VALIDATED.has(obj) ? (obj as unknown as AllowanceRuleSet) : asValid(obj);
  return { ruleSet: rs, ref: `${rs.code}@${rs.version}`, overridden: [] };
}

function asValid(obj: unknown): AllowanceRuleSet {
  validateRuleSet(obj);
  return obj;
}

/** Rule sets that passed validateRuleSet and were then frozen deeply: they cannot have become invalid since. */
const VALIDATED = new WeakSet<object>();

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
}

/**
 * Validates a rule set once for many computations (a run computes every line of a unit with the same version):
 * validateRuleSet, then the object is frozen deeply and resolveRuleSet no longer validates it again. Throws
 * RuleInputError as validateRuleSet does (the object is then left as it was).
 */
export function validatedRuleSet(input: unknown): AllowanceRuleSet {
  validateRuleSet(input);
  deepFreeze(input);
  VALIDATED.add(input);
  return input;
}

/** Rule-set fields that are maps: a `{ base, … }` override merges them key by key (04 §9.1). */
const MAP_FIELDS = ['leaveRules', 'acting', 'fwa', 'proration'];
const isMap = (v: unknown): boolean => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * A template with overrides: fields replaced wholesale, except the map fields, merged key by key into the
 * template's map (a key's value replaces the template's value whole; 04 §9.1).
 */
export function mergeRuleSetOverrides(
  template: AllowanceRuleSet,
  overrides: Record<string, unknown>,
): AllowanceRuleSet {
  const merged = { ...template } as Record<string, unknown>;
  for (const [k, v] of Object.entries(overrides))
    merged[k] =
      MAP_FIELDS.includes(k) && isMap(merged[k]) && isMap(v) ? { ...(merged[k] as object), ...(v as object) } : v;
  return merged as unknown as AllowanceRuleSet;
}

function ONE_OF<T extends string>(v: unknown, values: readonly T[], field: string): asserts v is T {
  if (!values.includes(v as T))
    throw new RuleInputError(`must be one of ${values.join(' | ')}, got ${JSON.stringify(v)}`, field);
}

/** The status factors; a rule set given inline (the rules CLI) may leave them out, which validateRuleSet allows. */
export function statusRulesOf(rs: { statusRules?: AllowanceRuleSet['statusRules'] }): AllowanceRuleSet['statusRules'] {
  return rs.statusRules ?? {};
}

/** A rule set as it arrives (JSON from a file or a request): any field may be missing or null until validated. */
type Unvalidated<T> = { [K in keyof T]?: T[K] | null };

/** Structural validation of a rule set (throws RuleInputError naming the field). */
export function validateRuleSet(input: unknown): asserts input is AllowanceRuleSet {
  if (typeof input !== 'object' || input === null) throw new RuleInputError('must be an object', 'ruleSet');
  const rs = input as Unvalidated<AllowanceRuleSet>;
  if (typeof rs.code !== 'string') throw new RuleInputError('must be a string', 'ruleSet.code');
  if (rs.name !== undefined && (typeof rs.name !== 'string' || rs.name.trim() === '' || rs.name.length > 200))
    throw new RuleInputError('must be a name of 1–200 characters', 'ruleSet.name');
  const split = asObject(rs.split, 'ruleSet.split');
  const kin = toDec(split.kin, 'ruleSet.split.kin');
  const dis = toDec(split.dis, 'ruleSet.split.dis');
  if (kin.isNeg() || dis.isNeg() || !kin.plus(dis).eq(1))
    throw new RuleInputError(`kin + dis must be 1 (got ${kin.toString()} + ${dis.toString()})`, 'ruleSet.split');
  asObject(rs.baseTable, 'ruleSet.baseTable');
  ONE_OF(rs.kinMode, ['LINEAR', 'CURVE', 'PREDIKAT'] as const, 'ruleSet.kinMode');
  ONE_OF(rs.predikatFactorBase, ['WHOLE', 'KIN_PART'] as const, 'ruleSet.predikatFactorBase');
  ONE_OF(rs.predikatSource, ['MONTHLY', 'QUARTERLY', 'ANNUAL'] as const, 'ruleSet.predikatSource');
  if (rs.predikatLag !== 0 && rs.predikatLag !== 1)
    throw new RuleInputError(`must be 0 or 1, got ${JSON.stringify(rs.predikatLag)}`, 'ruleSet.predikatLag');
  if (rs.predikatMissing !== undefined)
    ONE_OF(rs.predikatMissing, ['HOLD', 'NONE_FACTOR', 'LAST_KNOWN'] as const, 'ruleSet.predikatMissing');
  // The entitlement is the ceiling: a factor above 100 % would be silently capped, so it is refused (issue review #8).
  for (const [name, table] of [
    ['predikatFactor', rs.predikatFactor],
    ['predikatDeduction', rs.predikatDeduction],
  ] as const) {
    if (table === undefined) continue;
    for (const [k, v] of Object.entries(asObject(table, `ruleSet.${name}`))) {
      const f = toDec(v, `ruleSet.${name}.${k}`);
      if (f.isNeg() || f.gt(1))
        throw new RuleInputError(
          `must be within 0..1 (the entitlement is the ceiling), got ${f.toString()}`,
          `ruleSet.${name}.${k}`,
        );
    }
  }
  if (typeof rs.minutesPerTmkDay !== 'number' || !Number.isInteger(rs.minutesPerTmkDay) || rs.minutesPerTmkDay < 1)
    throw new RuleInputError('must be a positive integer (minutes)', 'ruleSet.minutesPerTmkDay');
  ONE_OF(rs.disBase, ['DIS_PART', 'WHOLE'] as const, 'ruleSet.disBase');
  ONE_OF(rs.tkMode, ['PCT_PER_DAY', 'DAILY_ACCRUAL'] as const, 'ruleSet.tkMode');
  if (rs.tkMode === 'PCT_PER_DAY') toDec(rs.tkPct, 'ruleSet.tkPct');
  ONE_OF(rs.hukdisMode, ['PP94_25PCT', 'LOCAL_TABLE', 'NONE_TRANSITIONAL'] as const, 'ruleSet.hukdisMode');
  ONE_OF(rs.sedangExecutionMode, ['TUKIN_25', 'PP53_EQUIVALENT'] as const, 'ruleSet.sedangExecutionMode');
  ONE_OF(rs.hukdisBase, ['ENTITLEMENT', 'SUBTOTAL'] as const, 'ruleSet.hukdisBase');
  ONE_OF(rs.hukdisStacking, ['REPLACE', 'ADD'] as const, 'ruleSet.hukdisStacking');
  ONE_OF(rs.sanctionStart, ['FROM_EFFECTIVE_DAY_PRORATA', 'NEXT_FULL_MONTH'] as const, 'ruleSet.sanctionStart');
  ONE_OF(rs.capScope, ['PER_PART', 'WHOLE'] as const, 'ruleSet.capScope');
  const rounding = asObject(rs.rounding, 'ruleSet.rounding');
  ONE_OF(rounding.mode, ['NEAREST', 'FLOOR'] as const, 'ruleSet.rounding.mode');
  if (rounding.unit !== 1 && rounding.unit !== 100)
    throw new RuleInputError('must be 1 or 100', 'ruleSet.rounding.unit');
  ONE_OF(rounding.stage, ['PER_LINE', 'FINAL'] as const, 'ruleSet.rounding.stage');
  toDec(rs.apelPct, 'ruleSet.apelPct');
  const cap = toDec(rs.deductionCap, 'ruleSet.deductionCap');
  if (cap.isNeg() || cap.gt(1)) throw new RuleInputError('must be within 0..1', 'ruleSet.deductionCap');
  for (const [name, bands] of [
    ['lateBands', rs.lateBands],
    ['earlyBands', rs.earlyBands],
  ] as const) {
    if (!Array.isArray(bands) || bands.length === 0)
      throw new RuleInputError('must be a non-empty array', `ruleSet.${name}`);
    bands.forEach((b, i) => {
      toDec(b.pct, `ruleSet.${name}[${i}].pct`);
      if (!Number.isInteger(b.fromMin)) throw new RuleInputError('must be an integer', `ruleSet.${name}[${i}].fromMin`);
    });
  }
  for (const [k, v] of Object.entries(rs.statusRules ?? {})) {
    const f = toDec(v, `ruleSet.statusRules.${k}`);
    if (f.isNeg() || f.gt(new Dec(1))) throw new RuleInputError('must be within 0..1', `ruleSet.statusRules.${k}`);
  }
  validateChangeFields(rs);
  if (rs.hukdisMode === 'LOCAL_TABLE' && !Array.isArray(rs.hukdisTable))
    throw new RuleInputError('is required for LOCAL_TABLE', 'ruleSet.hukdisTable');
  if (rs.hukdisTable !== undefined) validateHukdisTable(rs.hukdisTable);
}

/** LOCAL_TABLE rows: keyed by sanction type (or by level for the level's other sanctions), each key once. */
function validateHukdisTable(table: unknown): void {
  if (!Array.isArray(table)) throw new RuleInputError('must be an array', 'ruleSet.hukdisTable');
  const seen = new Set<string>();
  table.forEach((raw, i) => {
    const f = `ruleSet.hukdisTable[${i}]`;
    const row = asObject(raw, f);
    if ((row.sanction === undefined) === (row.level === undefined))
      throw new RuleInputError('needs exactly one of sanction (a sanction type) or level', f);
    let key: string;
    if (row.sanction !== undefined) {
      ONE_OF(row.sanction, SANCTIONS, `${f}.sanction`);
      key = row.sanction;
    } else {
      ONE_OF(row.level, ['RINGAN', 'SEDANG', 'BERAT', 'PDH'] as const, `${f}.level`);
      key = `level:${row.level}`;
    }
    if (seen.has(key)) throw new RuleInputError(`duplicate row for ${key.replace('level:', 'level ')}`, f);
    seen.add(key);
    const p = toDec(row.pct, `${f}.pct`);
    if (p.isNeg() || p.gt(1)) throw new RuleInputError('must be within 0..1', `${f}.pct`);
    if (!Number.isInteger(row.months) || (row.months as number) < 1)
      throw new RuleInputError('must be a positive integer', `${f}.months`);
  });
}

const LEAVE_MODES = ['NO_CUT', 'PCT_PER_DAY', 'EXCLUDE_DAYS', 'MONTH_UNPAID'] as const;

/** The 04 §5.2 fields (leave modes, Plt, proration, FWA, December, split period, death month). */
function validateChangeFields(rs: Unvalidated<AllowanceRuleSet>): void {
  for (const [code, raw] of Object.entries(asObject(rs.leaveRules ?? {}, 'ruleSet.leaveRules'))) {
    const f = `ruleSet.leaveRules.${code}`;
    const rule = asObject(raw, f);
    if (rule.mode !== undefined) ONE_OF(rule.mode, LEAVE_MODES, `${f}.mode`);
    if (rule.beyondMode !== undefined) ONE_OF(rule.beyondMode, LEAVE_MODES, `${f}.beyondMode`);
    if (rule.base !== undefined) ONE_OF(rule.base, ['DIS_PART', 'WHOLE'] as const, `${f}.base`);
    const mode = rule.mode ?? (rule.pctPerDay !== undefined ? 'PCT_PER_DAY' : 'NO_CUT');
    if (mode === 'PCT_PER_DAY' || rule.beyondMode === 'PCT_PER_DAY') {
      const p = toDec(rule.pct ?? rule.pctPerDay, `${f}.pct`);
      if (p.isNeg() || p.gt(1)) throw new RuleInputError('must be within 0..1', `${f}.pct`);
    }
    for (const k of ['thresholdDays', 'maxChildOrder'] as const)
      if (rule[k] !== undefined && (!Number.isInteger(rule[k]) || (rule[k] as number) < 0))
        throw new RuleInputError('must be a non-negative integer', `${f}.${k}`);
  }
  if (rs.proration !== undefined)
    ONE_OF(
      asObject(rs.proration, 'ruleSet.proration').mode,
      ['WORKING_DAYS', 'CALENDAR_DAYS', 'POST_ON_FIRST_DAY'] as const,
      'ruleSet.proration.mode',
    );
  if (rs.acting !== undefined) {
    const a = asObject(rs.acting, 'ruleSet.acting');
    if (a.addonPct !== undefined) {
      const p = toDec(a.addonPct, 'ruleSet.acting.addonPct');
      if (p.isNeg() || p.gt(1)) throw new RuleInputError('must be within 0..1', 'ruleSet.acting.addonPct');
    }
    if (a.minWorkingDays !== undefined && (!Number.isInteger(a.minWorkingDays) || (a.minWorkingDays as number) < 0))
      throw new RuleInputError('must be a non-negative integer', 'ruleSet.acting.minWorkingDays');
    if (a.higherLevelMode !== undefined)
      ONE_OF(a.higherLevelMode, ['ACTING_POST', 'ADDON'] as const, 'ruleSet.acting.higherLevelMode');
    if (a.proration !== undefined) ONE_OF(a.proration, ['NONE', 'WORKING_DAYS'] as const, 'ruleSet.acting.proration');
    if (a.multiplePosts !== undefined)
      ONE_OF(a.multiplePosts, ['HIGHEST_KELAS', 'EACH_PERIOD'] as const, 'ruleSet.acting.multiplePosts');
  }
  if (rs.fwa !== undefined && typeof asObject(rs.fwa, 'ruleSet.fwa').countsAsPresent !== 'boolean')
    throw new RuleInputError('must be true or false', 'ruleSet.fwa.countsAsPresent');
  if (rs.decemberFullPay !== undefined && typeof rs.decemberFullPay !== 'boolean')
    throw new RuleInputError('must be true or false', 'ruleSet.decemberFullPay');
  if (rs.predikatForSplitPeriod !== undefined)
    ONE_OF(rs.predikatForSplitPeriod, ['LATEST', 'MAJORITY'] as const, 'ruleSet.predikatForSplitPeriod');
  if (rs.deathMonth !== undefined) ONE_OF(rs.deathMonth, ['PRORATE', 'FULL'] as const, 'ruleSet.deathMonth');
}
