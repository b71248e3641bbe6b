import { Injectable } from '@nestjs/common';
import { ConflictError } from '../common/domain-errors';
import { DisciplineSanctionsReader } from '../discipline/discipline-sanctions.repository';
import { EmploymentHistoryReader } from '../org/employment-history';
import {
  computeAllowanceMonth,
  multiplePltDefault,
  RuleInputError,
  selectRuleSetVersion,
  validatedRuleSet,
  type AllowanceRuleSet,
} from '../rules';
import { figuresHash, notComputedLine, type ComputedLine } from './computed-line';
import { AttendanceRepository } from './attendance.repository';
import { leaveOfMonth } from './leave-input';
import { planMonth } from './month-segments';
import { firstDay, lastDay, monthIndex } from './months';
import { PredicateFinder } from './predicate-finder.service';
import { RuleSetResolver, type Resolution, type RuleSetContext } from './rule-set-resolver.service';
import { WorkingDays, WorkingDaysService } from './working-days.service';

/** The rule set version that governs the month for a resolution, or why there is none. */
function governing(
  ctx: RuleSetContext,
  resolution: Resolution | null,
  month: string,
): { ruleSet: AllowanceRuleSet; problem: null } | { ruleSet: null; problem: string } {
  if (!resolution)
    return {
      ruleSet: null,
      problem:
        'Tidak ada rule set untuk unit ini dan tidak ada default instansi / no rule set for the unit and no agency default',
    };
  const versions = ctx.versions.get(resolution.code) ?? [];
  try {
    return { ruleSet: selectRuleSetVersion(versions, monthIndex(month)), problem: null };
  } catch (err) {
    if (!(err instanceof RuleInputError)) throw err;
    return { ruleSet: null, problem: `Rule set ${resolution.code}: ${err.message}` };
  }
}

/**
 * Computes the allowance lines of a set of employees for one month with set-based reads (one query
 * per input kind, whatever the number of employees) and the rules library for the arithmetic.
 */
@Injectable()
export class LineComputer {
  constructor(
    private readonly attendance: AttendanceRepository,
    private readonly ruleSets: RuleSetResolver,
    private readonly workingDays: WorkingDaysService,
    private readonly sanctionsReader: DisciplineSanctionsReader,
    private readonly predicates: PredicateFinder,
    private readonly history: EmploymentHistoryReader,
  ) {}

  async compute(month: string, employeeIds: string[]): Promise<ComputedLine[]> {
    // One connection (the job's transaction): the reads run one after the other. The posts held in the
    // month and the service events come from the org feature's published reader (04 §5.3).
    const histories = await this.history.forPeriod(employeeIds, firstDay(month), lastDay(month));
    const employees = employeeIds.flatMap((id) => {
      const h = histories.get(id);
      const last = h?.assignments[h.assignments.length - 1];
      return h && last
        ? [
            {
              employee_id: id,
              nip: h.nip,
              status: h.status,
              unit_id: last.unitId,
              kelas_jabatan: last.kelasJabatan,
              history: h,
            },
          ]
        : [];
    });
    const attendance = await this.attendance.ofMonth(employeeIds, month);
    const rsContext = await this.ruleSets.context();
    // Each version validated once for the chunk, not once per line; an invalid one stays unvalidated and its
    // lines fail as before (ERROR, never silently paid).
    for (const versions of rsContext.versions.values())
      for (const v of versions)
        try {
          validatedRuleSet(v);
        } catch (err) {
          if (!(err instanceof RuleInputError)) throw err;
        }
    const wd = await this.workingDays.get(month);
    const attendanceBy = new Map(attendance.map((a) => [a.employee_id, a]));
    // Discipline sanctions in force (discipline_sanctions read model): one read for the whole chunk.
    const sanctionsBy = await this.sanctionsReader.inForceForAllowances(
      employees.map((e) => e.employee_id),
      month,
    );

    // Rule set per employee: unit → nearest ancestor → agency default; version containing day 1.
    const plans = employees.map((e) => {
      const resolution = rsContext.resolve(e.unit_id);
      return { e, resolution, ...governing(rsContext, resolution, month) };
    });

    // Predikat of the period each rule set names (04 §5.4), one query per (source, lag) group.
    const found = await this.predicates.find(
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
      if (!ruleSet) return notComputedLine(base, 'NO_RULE_SET', problem, context);
      const f = found.get(e.employee_id);
      // The finder answers for every employee it was asked about: those with a rule set.
      if (!f)
        throw new ConflictError(
          `Predikat pegawai ${e.nip} tidak terbaca / the predikat lookup has no answer for ${e.nip}`,
        );
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
            fwaDays: att.fwa_days,
          }
        : null;
      const leave = leaveOfMonth(att?.leave ?? []);
      const sanctions = sanctionsBy.get(e.employee_id) ?? [];
      // Joiners, movers, leavers and CPNS days: segments by working days (04 §5.3 step 1).
      const plan = planMonth(
        month,
        e.history,
        e.status,
        wd.workingDays,
        wd.holidays.map((h) => h.date),
        ruleSet.deathMonth ?? 'PRORATE',
        ruleSet.acting?.multiplePosts ?? multiplePltDefault(`${month}-01`).mode,
      );
      const employment = {
        notes: plan.notes,
        segments: (plan.segments ?? []).map((s) => ({ ...s, unitCode: rsContext.unitCode(s.unitId) })),
        acting: plan.acting,
      };
      try {
        const r = computeAllowanceMonth({
          ruleSet,
          month,
          kelasJabatan: plan.kelasJabatan,
          segments: plan.segments?.map(({ unitId: _unit, ...s }) => s),
          leave: leave.items,
          acting: plan.acting ?? undefined,
          workingDays: wd.workingDays,
          status: plan.status,
          predicate: f.row?.predicate ?? null,
          predicatePeriod: f.period,
          lastKnownPredicate: f.lastKnown ? { period: f.lastKnown.period, predicate: f.lastKnown.predicate } : null,
          attendance: attendanceInput,
          sanctions,
        });
        // One array for the line and its explanation (the same warnings; written as JSON, never mutated).
        const warnings = [...plan.warnings, ...leave.warnings, ...r.warnings];
        const explanation = {
          ...r.explanation,
          context: {
            ...context,
            ...(plan.segments || plan.acting || plan.notes.length ? { employment } : {}),
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
          warnings,
        };
        // One literal with every field (no spread of `base`, then of the line again for its hash): V8 otherwise
        // grows the object's property store field by field, for every line. The hash fills the declared field.
        const line: ComputedLine = {
          employeeId: base.employeeId,
          nip: base.nip,
          kelasJabatan: base.kelasJabatan,
          unitId: base.unitId,
          attendanceMissing: base.attendanceMissing,
          status: 'COMPUTED',
          ruleSet: r.ruleSet,
          basicAmount: r.basicAmount,
          performancePart: r.performancePart,
          disciplinePart: r.disciplinePart,
          totalDeductions: r.totalDeductions,
          netAmount: r.netAmount,
          deductions: r.deductions,
          problem: null,
          warnings,
          heldAmount: r.heldAmount,
          explanation,
          figuresHash: '',
        };
        line.figuresHash = figuresHash(line);
        return line;
      } catch (err) {
        if (!(err instanceof RuleInputError)) throw err;
        return notComputedLine(base, 'ERROR', err.message, {
          ...context,
          employment,
          predicate: predicateInfo,
          ruleSet: `${ruleSet.code}@${ruleSet.version}`,
        });
      }
    });
  }
}

export type { WorkingDays };
