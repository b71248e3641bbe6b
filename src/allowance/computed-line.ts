import { createHash } from 'node:crypto';
import type { AllowanceWarning, DeductionLine } from '../rules';

export type LineStatus = 'COMPUTED' | 'NO_RULE_SET' | 'ERROR';

/** One computed allowance line, ready to be written (amounts integer rupiah). */
export interface ComputedLine {
  employeeId: string;
  nip: string;
  status: LineStatus;
  kelasJabatan: number | null;
  unitId: string | null;
  ruleSet: string | null;
  basicAmount: number | null;
  performancePart: number | null;
  disciplinePart: number | null;
  totalDeductions: number | null;
  netAmount: number | null;
  deductions: DeductionLine[];
  explanation: Record<string, unknown>;
  problem: string | null;
  figuresHash: string;
  attendanceMissing: boolean;
  /** Coded warnings (Bahasa Indonesia messages): every figure resting on missing data says so. */
  warnings: AllowanceWarning[];
  /** Performance part held back for a missing predikat (predikatMissing HOLD). */
  heldAmount: number;
}

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
  return createHash('sha256').update(JSON.stringify(figures)).digest('hex');
}

/** A line that is not computed and never silently paid (no rule set, invalid input). */
export function notComputedLine(
  base: Pick<ComputedLine, 'employeeId' | 'nip' | 'kelasJabatan' | 'unitId' | 'attendanceMissing'>,
  status: LineStatus,
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
