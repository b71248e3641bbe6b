import type { DeductionCode } from '../rules/common/enums';
import type { AllowanceWarning } from '../rules/allowance/types';

/** A stored deduction: its formula lives in the line's explanation steps. */
export interface AllowanceDeductionView {
  code: DeductionCode;
  amount: number;
  reason: string;
  formula?: string;
}

/** A correction of a closed month carried by this line (spec 03 §11.5). */
export interface AllowanceAdjustmentView {
  forMonth: string;
  amount: number;
  reason: string;
}

/** The rule set version behind a line, as people read it (name, version, the regulations it rests on). */
export interface AllowanceRuleSetInfo {
  code: string;
  version: number;
  /** The rule set's name; null for a rule set stored without one. */
  name: string | null;
  /** CONFIRMED, or INFERRED (figures the agency has not yet fixed in a regulation). */
  status: 'CONFIRMED' | 'INFERRED';
  /** Legal basis, one regulation per item. */
  legalRefs: string[];
}

/** One month's TPP line of the signed-in employee (integer rupiah; null where it was not computed). */
export interface MyAllowanceLine {
  /** YYYY-MM */
  month: string;
  /** OPEN: figures may still change with a re-run; CLOSED: final (corrections go to a later month). */
  monthStatus: 'OPEN' | 'CLOSED';
  /** COMPUTED, or why there is no figure (NO_RULE_SET, ERROR): never silently paid. */
  status: 'COMPUTED' | 'NO_RULE_SET' | 'ERROR';
  kelasJabatan: number | null;
  /** code@version */
  ruleSet: string | null;
  /** The same rule set by name and version with its legal basis (null where no rule set applied). */
  ruleSetInfo: AllowanceRuleSetInfo | null;
  /** Period (YYYY, YYYY-Qn or YYYY-MM) whose FINAL predikat the month is paid with; null where none applies. */
  predicatePeriod: string | null;
  /** Predikat whose factor was applied (null when held or not applicable). */
  predicateApplied: string | null;
  /** Working days of the month the line was computed with. */
  workingDays: number | null;
  /** Entitlement (basicAmount = performancePart + disciplinePart). */
  basicAmount: number | null;
  performancePart: number | null;
  disciplinePart: number | null;
  /** Every deduction with its reason and formula. */
  deductions: AllowanceDeductionView[];
  totalDeductions: number | null;
  /** netAmount = basicAmount − Σ deductions.amount */
  netAmount: number | null;
  adjustments: AllowanceAdjustmentView[];
  /** netAmount + Σ adjustments.amount */
  payableAmount: number | null;
  /** A figure resting on missing data says so (message in Bahasa Indonesia). */
  warnings: AllowanceWarning[];
  /** Performance part held back for a missing predikat (not a cut). */
  heldAmount: number;
  /** Why the line was not computed. */
  problem: string | null;
  /** How the figures were reached (rule set, inputs, steps). */
  explanation: Record<string, unknown>;
  version: number;
}

export interface MyAllowanceYear {
  nip: string;
  year: number;
  /** Months with a line, oldest first. */
  items: MyAllowanceLine[];
}
