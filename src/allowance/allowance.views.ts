import type { RunView } from './allowance-runs.service';
import type { RuleSetVersionView } from './rule-sets.service';
import type { AllowanceDeductionView, AllowanceAdjustmentView } from './my-allowances.views';
import type { AllowanceWarning } from '../rules/allowance/types';

import type { WorkingDays } from './working-days.service';
export type { AttendanceResult } from './attendance.views';

// Named schemas of the contract (the OpenAPI generator names them after these interfaces).
export interface AllowanceRunView extends RunView {}
export interface WorkingDaysView extends WorkingDays {}

/** 202: the run is queued (poll GET /allowance/runs/{id}). */
export interface AllowanceRunRequested {
  id: string;
  status: 'QUEUED';
  month: string;
  /** REGULAR for an open month, CORRECTION for a closed one. */
  mode: string;
}

export interface AllowanceMonthView {
  month: string;
  status: 'OPEN' | 'CLOSED';
  closedAt: string | null;
  /** Line counts by line status (COMPUTED, NO_RULE_SET, ERROR). */
  lines: Record<string, number>;
  /** Lines per warning code. */
  warnings: Record<string, number>;
  adjustments: number;
}

export interface RuleSetPutResult extends RuleSetVersionView {
  default: boolean;
  unitCodes: string[];
  /** The earlier open-ended version closed where this one starts. */
  closedVersion: number | null;
}
export interface RuleSetDetail {
  code: string;
  default: boolean;
  unitCodes: string[];
  versions: RuleSetVersionView[];
}
export interface RuleSetList {
  items: { code: string; versions: number; latest: string; default: boolean }[];
}

export interface HolidayView {
  date: string;
  name: string;
}
export interface HolidayList {
  items: HolidayView[];
}

/** One payroll line (integer rupiah); invariants in the operation's description. */
export interface PayrollItem {
  nip: string;
  name: string;
  kelasJabatan: number;
  ruleSet: string;
  basicAmount: number;
  performancePart: number;
  disciplinePart: number;
  deductions: AllowanceDeductionView[];
  totalDeductions: number;
  netAmount: number;
  adjustments: AllowanceAdjustmentView[];
  payableAmount: number;
  warnings: AllowanceWarning[];
  pending: boolean;
  heldAmount: number;
  /** Left out with `?explanation=false`. */
  explanation?: Record<string, unknown>;
  version: number;
}
export interface PayrollPage {
  month: string;
  status: 'OPEN' | 'CLOSED';
  items: PayrollItem[];
  nextCursor: string | null;
  /** First page only: lines not computed, by status (never silently paid). */
  notComputed?: Record<string, number>;
  /** First page only: lines of the month per warning code. */
  warnings?: Record<string, number>;
}
