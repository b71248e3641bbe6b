import { hash } from 'node:crypto';
import type { AllowanceWarning, DeductionLine } from '../rules';

/** What every line carries, computed or not. */
interface LineCommon {
  employeeId: string;
  nip: string;
  kelasJabatan: number | null;
  unitId: string | null;
  deductions: DeductionLine[];
  explanation: Record<string, unknown>;
  figuresHash: string;
  attendanceMissing: boolean;
  /** Coded warnings (Bahasa Indonesia messages): every figure resting on missing data says so. */
  warnings: AllowanceWarning[];
  /** Performance part held back for a missing predikat (predikatMissing HOLD). */
  heldAmount: number;
}

/** A computed line: every figure is there (amounts integer rupiah). */
export interface LineWithFigures extends LineCommon {
  status: 'COMPUTED';
  ruleSet: string;
  basicAmount: number;
  performancePart: number;
  disciplinePart: number;
  totalDeductions: number;
  netAmount: number;
  problem: null;
}

/** A line that is not computed (no rule set, invalid input): no figure, the problem instead. */
export interface LineWithoutFigures extends LineCommon {
  status: 'NO_RULE_SET' | 'ERROR';
  ruleSet: null;
  basicAmount: null;
  performancePart: null;
  disciplinePart: null;
  totalDeductions: null;
  netAmount: null;
  problem: string;
}

/** One allowance line of a run, ready to be written. */
export type ComputedLine = LineWithFigures | LineWithoutFigures;

/** Hash of what a payroll system sees of a line (not the explanation): the version moves only when this changes. */
export function figuresHash(
  l: Pick<
    ComputedLine,
    | 'status'
    | 'ruleSet'
    | 'kelasJabatan'
    | 'basicAmount'
    | 'performancePart'
    | 'disciplinePart'
    | 'deductions'
    | 'netAmount'
    | 'problem'
    | 'warnings'
  >,
): string {
  const figures = [
    l.status,
    l.ruleSet,
    l.kelasJabatan,
    l.basicAmount,
    l.performancePart,
    l.disciplinePart,
    l.deductions.map((d) => [d.code, d.amount, d.reason]),
    l.netAmount,
    l.problem,
    l.warnings.map((w) => [w.code, w.message]),
  ];
  // One-shot digest: the same hex as createHash().update().digest(), without a Hash object per line.
  return hash('sha256', JSON.stringify(figures), 'hex');
}

/** A line that is not computed and never silently paid (no rule set, invalid input). */
export function notComputedLine(
  base: Pick<ComputedLine, 'employeeId' | 'nip' | 'kelasJabatan' | 'unitId' | 'attendanceMissing'>,
  status: LineWithoutFigures['status'],
  problem: string,
  context: Record<string, unknown>,
): ComputedLine {
  const warning: AllowanceWarning =
    status === 'NO_RULE_SET'
      ? {
          code: 'RULESET_MISSING',
          message:
            'Tidak ada rule set TPP yang berlaku untuk unit ini pada bulan ini: tidak dihitung, tidak dibayarkan',
        }
      : { code: 'INPUT_INVALID', message: `Data tidak valid, tidak dihitung dan tidak dibayarkan: ${problem}` };
  const line = {
    ...base,
    status,
    ruleSet: null,
    basicAmount: null,
    performancePart: null,
    disciplinePart: null,
    totalDeductions: null,
    netAmount: null,
    deductions: [],
    problem,
    warnings: [warning],
    heldAmount: 0,
    explanation: {
      formula: 'tidak dihitung, tidak dibayarkan / not computed, never silently paid',
      problem,
      context,
    },
  };
  return { ...line, figuresHash: figuresHash(line) };
}
