import type { AllowancePredicate, DeductionCode } from '../common/enums';
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
 * Allowance (TPP / tukin) rule set, one effective-dated version (spec 03 §11.2).
 * Fractions are decimals (strings preferred: "0.60"); money is integer rupiah.
 */
export interface AllowanceRuleSet {
  code: string;
  version: number;
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
  baseTable: Record<string, number>;
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
  disBase: 'DIS_PART' | 'WHOLE';
  lateBands: Band[];
  earlyBands: Band[];
  apelPct: DecimalInput;
  tkMode: 'PCT_PER_DAY' | 'DAILY_ACCRUAL';
  tkPct?: DecimalInput;
  consecutiveAbsenceFullCutDays?: number;
  leaveRules: Record<string, { pctPerDay?: DecimalInput; exemptions?: string[]; base: 'DIS_PART' | 'WHOLE' }>;
  /** Status → factor on the subtotal (CLTN 0, CPNS 0.8, …); absent status = 1. */
  statusRules: Record<string, DecimalInput>;
  hukdisMode: 'PP94_25PCT' | 'LOCAL_TABLE' | 'NONE_TRANSITIONAL';
  sedangExecutionMode: 'TUKIN_25' | 'PP53_EQUIVALENT';
  hukdisTable?: { level: HukdisLevel; pct: DecimalInput; months: number }[];
  hukdisBase: 'ENTITLEMENT' | 'SUBTOTAL';
  hukdisStacking: 'REPLACE' | 'ADD';
  sanctionStart: 'FROM_EFFECTIVE_DAY_PRORATA' | 'NEXT_FULL_MONTH';
  deductionCap: DecimalInput;
  capScope: 'PER_PART' | 'WHOLE';
  rounding: { mode: 'NEAREST' | 'FLOOR'; unit: 1 | 100; stage: 'PER_LINE' | 'FINAL' };
  tax: { pph21BorneByEmployer: boolean };
  bpjs: { employer: DecimalInput; employee: DecimalInput; ceiling: number | null; onTpp: boolean };
  minutesPerTmkDay: number;
  actingAddonPct?: DecimalInput;
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
  predicate: AllowancePredicate;
  /** kinMode LINEAR/CURVE: monthly capaian in percent (e.g. "92.5"). */
  capaian?: DecimalInput;
  /** kinMode CURVE: nilai kode etik in percent. */
  nilaiKodeEtik?: DecimalInput;
  attendance: AttendanceInput;
  sanctions?: SanctionInForceInput[];
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
  /** Amount per attendance/discipline code (TL, PSW, APEL, TK, CUTI, HUKDIS); PREDIKAT and STATUS are only in `deductions`. */
  deductionsByCode: Partial<Record<DeductionCode, number>>;
  totalDeductions: number;
  netAmount: number;
  infoLines: Record<string, number>;
  info: InfoLine[];
  pph21BorneByEmployer: boolean;
  warnings: string[];
  explanation: Explanation;
}
