import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { JobHandler } from '../jobs/job-handler.decorator';
import { ApplyDisciplineEffectsJob, DisciplineSweepJob, ScanAttendanceJob } from './discipline.job';
import { OrgDirectory } from '../org/org-directory.service';
import { OutcomeStore } from '../outcomes/outcome-store.service';
import { deriveOutcomes, SANCTION_CATALOGUE } from '../rules';
import { AttendanceLadderScan } from './attendance-ladder.service';
import { DisciplineCasesRepository } from './discipline-cases.repository';
import { DisciplineSweepsService } from './discipline-sweeps.service';

/** Background work of discipline cases: effects exactly once, the sweep, and the attendance ladder scan. */
@Injectable()
export class DisciplineJobsHandler {
  constructor(
    private readonly sweeps: DisciplineSweepsService,
    private readonly scanner: AttendanceLadderScan,
    private readonly cases: DisciplineCasesRepository,
    private readonly org: OrgDirectory,
    private readonly outcomes: OutcomeStore,
    private readonly clock: Clock,
  ) {}

  /**
   * DisciplineEffective → the sanction row other features read (`discipline_sanctions`) and the
   * outcomes (ALLOWANCE_CUT, KGB_DELAYED, KP_DELAYED, DEMOTION, DISMISSAL_RECOMMENDED, …). Both are
   * keyed by the case, so a replayed event changes nothing.
   */
  @JobHandler(ApplyDisciplineEffectsJob)
  async applyEffects(payload: Record<string, unknown>) {
    const c = await this.cases.effectsSource(String(payload.caseId));
    if (!c || !['EFFECTIVE', 'ENDED'].includes(c.status) || !c.sanction || !c.effective_from)
      return { skipped: 'case not effective' };
    const sanction = c.sanction;
    const info = SANCTION_CATALOGUE[sanction];
    const sanctionRow = await this.cases.addSanction({
      caseId: c.id,
      employeeId: c.employee_id,
      kind: c.kind,
      sanction,
      level: info.level,
      months: info.months,
      allowanceCut: info.allowanceCut ?? null,
      decidedOn: c.decided_on,
      effectiveFrom: c.effective_from,
      effectiveTo: c.effective_to,
      decisionRef: c.decision_ref,
    });
    const employee = (await this.org.standings([c.employee_id], this.clock.today())).at(0);
    if (!employee) return { skipped: 'case not effective' };
    const { outcomes } = deriveOutcomes({
      nip: employee.nip,
      employeeStatus: employee.status,
      asOf: this.clock.today(),
      decisions: [{ id: c.id, sanction, decidedOn: c.decided_on, effectiveFrom: c.effective_from }],
    });
    const created = await this.outcomes.saveAll(c.employee_id, outcomes, c.effective_from.slice(0, 4));
    return { sanctionRow, outcomesCreated: created, outcomeTypes: outcomes.map((o) => o.type) };
  }

  /** Repeatable: effective dates reached, sanctions ended, overdue steps flagged, escalations recorded. */
  @JobHandler(DisciplineSweepJob)
  async sweep() {
    const today = this.clock.today();
    const moved = await this.sweeps.advanceDue(today);
    const flagged = await this.sweeps.flagOverdue(today);
    return { today, effective: moved.effective.length, ended: moved.ended.length, ...flagged };
  }

  /** Repeatable, and on AttendanceIngested: the PP 94 attendance ladder over newly ingested attendance. */
  @JobHandler(ScanAttendanceJob)
  async scanAttendance() {
    return this.scanner.scan();
  }
}
