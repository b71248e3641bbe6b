import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DisciplineSanctionsReader } from '../discipline/discipline-read';
import {
  computeAllowanceMonth,
  RuleInputError,
  selectRuleSetVersion,
  type AllowanceRuleSet,
  type AllowanceWarning,
  type DeductionLine,
} from '../rules';
import { firstDay, lastDay, monthIndex } from './months';
import { PredicateFinder } from './predicate-finder';
import { loadRuleSetContext } from './rule-set-resolver';
import { WorkingDays, WorkingDaysService } from './working-days.service';

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

interface EmployeeRow {
  employee_id: string;
  nip: string;
  status: 'PNS' | 'PPPK';
  unit_id: string;
  kelas_jabatan: number;
}

interface AttendanceRow {
  employee_id: string;
  late_minutes: (number | null)[];
  early_leave_minutes: (number | null)[];
  absent_days: number;
  missed_apel: number;
  revision: number;
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

/**
 * Computes the allowance lines of a set of employees for one month with set-based reads (one query
 * per input kind, whatever the number of employees) and the rules library for the arithmetic.
 */
@Injectable()
export class LineComputer {
  constructor(
    private readonly workingDays: WorkingDaysService,
    private readonly sanctionsReader: DisciplineSanctionsReader,
    private readonly predicates: PredicateFinder,
  ) {}

  async compute(m: EntityManager, month: string, employeeIds: string[]): Promise<ComputedLine[]> {
    // One connection (the job's transaction): the reads run one after the other.
    const employees: EmployeeRow[] = await m.query(
      `SELECT DISTINCT ON (a.employee_id) a.employee_id, e.nip, e.status, a.unit_id, a.kelas_jabatan
         FROM employee_assignments a JOIN employees e ON e.id = a.employee_id
        WHERE a.employee_id = ANY($1::uuid[]) AND a.valid_from <= $3::date AND (a.valid_to IS NULL OR a.valid_to > $2::date)
        ORDER BY a.employee_id, a.valid_from DESC`,
      [employeeIds, firstDay(month), lastDay(month)],
    );
    const attendance: AttendanceRow[] = await m.query(
      `SELECT employee_id, late_minutes, early_leave_minutes, absent_days, missed_apel, revision FROM attendance_months WHERE employee_id = ANY($1::uuid[]) AND month = $2`,
      [employeeIds, month],
    );
    const rsContext = await loadRuleSetContext(m);
    const wd = await this.workingDays.get(month, m);
    const attendanceBy = new Map(attendance.map((a) => [a.employee_id, a]));
    // Discipline sanctions in force (discipline_sanctions read model): one read for the whole chunk.
    const sanctionsBy = await this.sanctionsReader.inForceForAllowances(
      employees.map((e) => e.employee_id),
      month,
      m,
    );

    // Rule set per employee: unit → nearest ancestor → agency default; version containing day 1.
    const plans = employees.map((e) => {
      const resolution = rsContext.resolve(e.unit_id);
      let ruleSet: AllowanceRuleSet | null = null;
      let problem: string | null = null;
      if (!resolution)
        problem =
          'Tidak ada rule set untuk unit ini dan tidak ada default instansi / no rule set for the unit and no agency default';
      else {
        const versions = rsContext.versions.get(resolution.code) ?? [];
        try {
          ruleSet = selectRuleSetVersion(versions, monthIndex(month));
        } catch (err) {
          if (!(err instanceof RuleInputError)) throw err;
          problem = `Rule set ${resolution.code}: ${err.message}`;
        }
      }
      return { e, resolution, ruleSet, problem };
    });

    // Predikat of the period each rule set names (04 §5.4), one query per (source, lag) group.
    const found = await this.predicates.find(
      m,
      month,
      plans.flatMap((p) => (p.ruleSet ? [{ employeeId: p.e.employee_id, ruleSet: p.ruleSet }] : [])),
    );

    return plans.map(({ e, resolution, ruleSet, problem }) => {
      const att = attendanceBy.get(e.employee_id);
      const base = {
        employeeId: e.employee_id,
        nip: e.nip,
        kelasJabatan: e.kelas_jabatan,
        unitId: e.unit_id,
        attendanceMissing: !att,
      };
      const context = {
        unitCode: rsContext.unitCode(e.unit_id),
        ruleSetResolution: resolution
          ? { code: resolution.code, via: resolution.via, unitCode: resolution.unitCode }
          : null,
        workingDays: { days: wd.workingDays, source: wd.source, formula: wd.formula },
      };
      if (!ruleSet) return this.notComputed(base, 'NO_RULE_SET', problem!, context);
      const f = found.get(e.employee_id)!;
      const predicateInfo = {
        value: f.row?.predicate ?? null,
        source: `${ruleSet.predikatSource}, lag ${ruleSet.predikatLag}: predikat FINAL periode ${f.period}`,
        period: f.period,
        evaluationId: f.row?.id ?? null,
        lastKnown: f.lastKnown
          ? { period: f.lastKnown.period, predicate: f.lastKnown.predicate, evaluationId: f.lastKnown.id }
          : undefined,
      };
      const attendanceInput = att
        ? {
            lateMinutes: att.late_minutes,
            earlyLeaveMinutes: att.early_leave_minutes,
            absentDays: att.absent_days,
            missedApel: att.missed_apel,
          }
        : null;
      const sanctions = sanctionsBy.get(e.employee_id) ?? [];
      try {
        const r = computeAllowanceMonth({
          ruleSet,
          month,
          kelasJabatan: e.kelas_jabatan,
          workingDays: wd.workingDays,
          status: e.status,
          predicate: f.row?.predicate ?? null,
          predicatePeriod: f.period,
          lastKnownPredicate: f.lastKnown ? { period: f.lastKnown.period, predicate: f.lastKnown.predicate } : null,
          attendance: attendanceInput,
          sanctions,
        });
        const line = {
          ...base,
          status: 'COMPUTED' as const,
          ruleSet: r.ruleSet,
          basicAmount: r.basicAmount,
          performancePart: r.performancePart,
          disciplinePart: r.disciplinePart,
          totalDeductions: r.totalDeductions,
          netAmount: r.netAmount,
          deductions: r.deductions,
          problem: null,
          warnings: r.warnings,
          heldAmount: r.heldAmount,
          explanation: {
            ...r.explanation,
            context: {
              ...context,
              predicate: predicateInfo,
              attendance: att
                ? { recorded: true, revision: att.revision }
                : {
                    recorded: false,
                    note: 'belum ada data presensi: tanpa potongan presensi / no attendance record: no attendance deductions',
                  },
              sanctions:
                sanctions.length === 0
                  ? {
                      considered: [],
                      note: 'tidak ada hukuman disiplin yang berlaku / no discipline sanction in force',
                    }
                  : {
                      considered: sanctions.map((s) => ({
                        caseId: s.id,
                        sanction: s.type,
                        effectiveFrom: s.effectiveFrom,
                      })),
                      source: 'discipline_sanctions',
                    },
            },
            info: r.info,
            warnings: r.warnings,
          },
        };
        return { ...line, figuresHash: figuresHash(line) };
      } catch (err) {
        if (!(err instanceof RuleInputError)) throw err;
        return this.notComputed(base, 'ERROR', err.message, {
          ...context,
          predicate: predicateInfo,
          ruleSet: `${ruleSet.code}@${ruleSet.version}`,
        });
      }
    });
  }

  private notComputed(
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
}

export type { WorkingDays };
