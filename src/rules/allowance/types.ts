import type { AllowancePredicate, DeductionCode, Sanction } from '../common/enums';
import type { DecimalInput } from '../common/decimal';
import type { Explanation } from '../common/explanation';

/** One TL/PSW band: minutes in [fromMin, toMin] (toMin null = open) → fraction of the base per occurrence. */
export interface Band {
  fromMin: number;
  toMin: number | null;
  pct: DecimalInput;
}

export type HukdisLevel = 'RINGAN' | 'SEDANG' | 'BERAT' | 'PDH';

/**
 * One row of a LOCAL_TABLE hukdis table: keyed by sanction type (Permentan 68/2012: TEGURAN_LISAN
 * 20 % for 1 month, TEGURAN_TERTULIS 30 % for 2, …), or by level for every sanction of that level
 * without its own row.
 */
export type HukdisTableRow = ({ sanction: Sanction; level?: never } | { level: HukdisLevel; sanction?: never }) & {
  pct: DecimalInput;
  months: number;
};

/** How a leave type affects the month (04 §5.2). */
export type LeaveMode = 'NO_CUT' | 'PCT_PER_DAY' | 'EXCLUDE_DAYS' | 'MONTH_UNPAID';

/** One `leaveRules` entry (04 §5.2); an entry with only `pctPerDay` (03 §11.2) is PCT_PER_DAY. */
export interface LeaveRule {
  mode?: LeaveMode;
  /** PCT_PER_DAY: fraction per day of `base`. */
  pct?: DecimalInput;
  /** 03 §11.2 spelling of `pct`. */
  pctPerDay?: DecimalInput;
  base?: 'DIS_PART' | 'WHOLE';
  /** MONTH_UNPAID: unpaid only when the month's days of the type exceed this (default 0). */
  thresholdDays?: number;
  /** A child order above this switches to `beyondMode` (cuti melahirkan). */
  maxChildOrder?: number;
  beyondMode?: LeaveMode;
  exemptions?: string[];
}

/** Plt add-on settings (04 §5.2; Perbup Balangan 57/2020 Pasal 35 pattern). */
export interface ActingRules {
  addonPct?: DecimalInput;
  minWorkingDays?: number;
  higherLevelMode?: 'ACTING_POST' | 'ADDON';
  proration?: 'NONE' | 'WORKING_DAYS';
  /** Several Plt posts in one month: HIGHEST_KELAS (default, INFERRED) or EACH_PERIOD (see acting-posts.ts). */
  multiplePosts?: 'HIGHEST_KELAS' | 'EACH_PERIOD';
}

/** What a month without a FINAL predikat for the configured period does (spec 04 §5.2). */
export type PredikatMissingMode = 'HOLD' | 'NONE_FACTOR' | 'LAST_KNOWN';

export const ALLOWANCE_WARNING_CODES = [
  'PREDIKAT_MISSING',
  'ATTENDANCE_MISSING',
  'RULESET_MISSING',
  'STATUS_UNKNOWN',
  'INPUT_INVALID',
  'LEAVE_RULE_MISSING',
  'CEILING_EXCEEDED',
  'HUKDIS_NOT_APPLIED',
  'SEGMENT_DAYS_ADJUSTED',
  'LEAVE_KIND_MISSING',
  'ACTING_POST_MISSING',
  'CPNS_TMT_MISSING',
] as const;
export type AllowanceWarningCode = (typeof ALLOWANCE_WARNING_CODES)[number];

/** A figure resting on missing or unusual data; `message` in Bahasa Indonesia. */
export interface AllowanceWarning {
  code: AllowanceWarningCode;
  message: string;
}

/**
 * Allowance (TPP / tukin) rule set, one effective-dated version (spec 03 §11.2).
 * Fractions are decimals (strings preferred: "0.60"); money is integer rupiah.
 */
export interface AllowanceRuleSet {
  code: string;
  version: number;
  /** The rule set's name as people read it (e.g. "TPP Pemerintah Kabupaten Contoh"); the code is for systems. */
  name?: string;
  employerId: string;
  allowanceType: 'TPP' | 'TUKIN';
  employerType: 'PEMDA' | 'PUSAT';
  /** Inclusive YYYY-MM-DD. */
  effectiveFrom: string;
  /** Exclusive YYYY-MM-DD or null. */
  effectiveTo: string | null;
  legalRefs: string[];
  status: 'CONFIRMED' | 'INFERRED';
  ceilingTable?: Record<string, number>;
  /** Entitlement per kelas jabatan (rupiah). */
  baseTable: Partial<Record<string, number>>;
  criteriaComponents?: { code: string; amount: number; appliesTo: string }[];
  split: { kin: DecimalInput; dis: DecimalInput };
  kinMode: 'LINEAR' | 'CURVE' | 'PREDIKAT';
  linearCap?: DecimalInput;
  curve?: { full: DecimalInput; zero: DecimalInput; slope: DecimalInput; base: DecimalInput; etikWeight: DecimalInput };
  predikatFactor?: Partial<Record<AllowancePredicate, DecimalInput>>;
  predikatDeduction?: Partial<Record<AllowancePredicate, DecimalInput>>;
  predikatSource: 'MONTHLY' | 'QUARTERLY' | 'ANNUAL';
  predikatLag: 0 | 1;
  predikatFactorBase: 'WHOLE' | 'KIN_PART';
  /** No FINAL predikat for the configured period (04 §5.2); absent = HOLD. */
  predikatMissing?: PredikatMissingMode;
  disBase: 'DIS_PART' | 'WHOLE';
  lateBands: Band[];
  earlyBands: Band[];
  apelPct: DecimalInput;
  tkMode: 'PCT_PER_DAY' | 'DAILY_ACCRUAL';
  tkPct?: DecimalInput;
  consecutiveAbsenceFullCutDays?: number;
  /** A leave type without an entry is not cut (LEAVE_RULE_MISSING warning). */
  leaveRules: Partial<Record<string, LeaveRule>>;
  /** Status → factor on the subtotal (PNS 1, CLTN 0, CPNS 0.8, …); a status without a row is paid 100 % with a STATUS_UNKNOWN warning. */
  statusRules: Partial<Record<string, DecimalInput>>;
  hukdisMode: 'PP94_25PCT' | 'LOCAL_TABLE' | 'NONE_TRANSITIONAL';
  sedangExecutionMode: 'TUKIN_25' | 'PP53_EQUIVALENT';
  hukdisTable?: HukdisTableRow[];
  hukdisBase: 'ENTITLEMENT' | 'SUBTOTAL';
  hukdisStacking: 'REPLACE' | 'ADD';
  sanctionStart: 'FROM_EFFECTIVE_DAY_PRORATA' | 'NEXT_FULL_MONTH';
  deductionCap: DecimalInput;
  capScope: 'PER_PART' | 'WHOLE';
  rounding: { mode: 'NEAREST' | 'FLOOR'; unit: 1 | 100; stage: 'PER_LINE' | 'FINAL' };
  tax: { pph21BorneByEmployer: boolean };
  bpjs: { employer: DecimalInput; employee: DecimalInput; ceiling: number | null; onTpp: boolean };
  minutesPerTmkDay: number;
  /** 03 spelling of `acting.addonPct`. */
  actingAddonPct?: DecimalInput;
  /** 04 §5.2 fields; absent = the defaults of R-TPP-DEMO. */
  proration?: { mode: 'WORKING_DAYS' | 'CALENDAR_DAYS' | 'POST_ON_FIRST_DAY' };
  acting?: ActingRules;
  fwa?: { countsAsPresent: boolean };
  decemberFullPay?: boolean;
  predikatForSplitPeriod?: 'LATEST' | 'MAJORITY';
  deathMonth?: 'PRORATE' | 'FULL';
}

/** One Plt post of the month and the working days it counts (04 §5.3 step 2). */
export interface ActingInput {
  level: 'SAME' | 'HIGHER';
  basicAmount?: number;
  kelasJabatan?: number;
  workingDays: number;
}

/** One part of a month in one post and status (04 §5.3). */
export interface SegmentInput {
  from: string;
  to: string;
  workingDays: number;
  basicAmount?: number;
  kelasJabatan?: number;
  status?: string;
}

/** Monthly attendance of one employee (00-api POST /attendance record). */
export interface AttendanceInput {
  /** Minutes late, one item per occurrence; null = no check-in (last band). */
  lateMinutes: (number | null)[];
  earlyLeaveMinutes: (number | null)[];
  /** Unexcused absence (TK) days. */
  absentDays: number;
  missedApel: number;
  /** Longest run of consecutive TK days this month (for consecutiveAbsenceFullCutDays). */
  consecutiveAbsentDays?: number;
  /** Leave days by leave code (CUTI_SAKIT, …), cut per `leaveRules`. */
  leaveDays?: Record<string, number>;
  /** Days of `absentDays` that were approved flexible-work days (PermenPANRB 4/2025): not TK when `fwa.countsAsPresent`. */
  fwaDays?: number;
}

export interface SanctionInForceInput {
  type: string;
  /** Date the sanction takes effect (YYYY-MM-DD), e.g. from decisionEffectiveDate. */
  effectiveFrom: string;
  id?: string;
}

export interface AllowanceMonthInput {
  /** A full rule set, or `{ base: code, …overrides }`, or a registered code ("R-TPP-DEMO"). */
  ruleSet: AllowanceRuleSet | string | ({ base: string } & Partial<AllowanceRuleSet>);
  month: string;
  basicAmount?: number;
  kelasJabatan?: number;
  workingDays: number;
  status?: string;
  /**
   * FINAL predikat of the period the rule set names (04 §5.4). null / absent = that period has no
   * FINAL predikat yet: `ruleSet.predikatMissing` applies, with a PREDIKAT_MISSING warning. An explicit
   * NONE (no SKP at all) applies factor NONE.
   */
  predicate?: AllowancePredicate | null;
  /** Period of `predicate` (or of the missing one), e.g. "2026-Q4", for the line's reasons. */
  predicatePeriod?: string;
  /** predikatMissing LAST_KNOWN: the latest FINAL predikat before the period. */
  lastKnownPredicate?: { period: string; predicate: AllowancePredicate } | null;
  /** kinMode LINEAR/CURVE: monthly capaian in percent (e.g. "92.5"). */
  capaian?: DecimalInput;
  /** kinMode CURVE: nilai kode etik in percent. */
  nilaiKodeEtik?: DecimalInput;
  /** null / absent = no attendance record for the month: no attendance deduction, ATTENDANCE_MISSING warning. */
  attendance?: AttendanceInput | null;
  sanctions?: SanctionInForceInput[];
  /** Joiners, movers, leavers: the month's parts by post and status (04 §5.3); absent = one whole-month part. */
  segments?: SegmentInput[];
  /** Plt held in the month (04 §5.3 step 2); several posts (acting.multiplePosts EACH_PERIOD) as a list. */
  acting?: ActingInput | ActingInput[];
  /** Leave of the month by type (04 §5.2). */
  leave?: { type: string; days: number; childOrder?: number }[];
}

/** One payroll deduction line. `amount` integer rupiah, `reason` in Bahasa Indonesia. */
export interface DeductionLine {
  code: DeductionCode;
  amount: number;
  reason: string;
  formula: string;
}

export interface InfoLine {
  code: 'BPJS_EMPLOYER_4' | 'BPJS_EMPLOYEE_1' | 'PPH21_BORNE_BY_EMPLOYER';
  amount: number;
  reason: string;
}

export interface AllowanceMonthResult {
  ruleSet: string;
  month: string;
  basicAmount: number;
  performancePart: number;
  disciplinePart: number;
  performancePaid: number;
  disciplinePaid: number;
  subtotal: number;
  deductions: DeductionLine[];
  /** Amount per attendance/discipline code (TL, PSW, APEL, TK, CUTI, HUKDIS); PREDIKAT, PREDIKAT_HELD, STATUS and PEMBULATAN are only in `deductions`. */
  deductionsByCode: Partial<Record<DeductionCode, number>>;
  totalDeductions: number;
  netAmount: number;
  infoLines: Record<string, number>;
  info: InfoLine[];
  pph21BorneByEmployer: boolean;
  /** Performance part held back (predikatMissing HOLD): not a cut, paid by a correction once the predikat is FINAL. */
  heldAmount: number;
  /** true while an amount is held. */
  pending: boolean;
  /** Late + early minutes of the month as TMK days, floor(minutes / ruleSet.minutesPerTmkDay) (03 §12.2). */
  tmkEquivalentDays: number;
  /** Plt add-on included in basicAmount (0 without one). */
  actingAddon: number;
  /** The month's segments, each explained (one whole-month segment without `segments`). */
  segments: SegmentResult[];
  warnings: AllowanceWarning[];
  explanation: Explanation;
}

/** One paid segment of the month, as explained on the line (04 §5.3). */
export interface SegmentResult {
  from: string | null;
  to: string | null;
  workingDays: number;
  /** Days that count for the segment's share under `proration.mode`. */
  countedDays: number;
  basicAmount: number;
  kelasJabatan: number | null;
  status: string;
  statusFactor: string;
  /** B_i × counted days / W, rupiah (unrounded shown in the explanation). */
  amount: string;
}
