import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { OutboxService } from '../outbox/outbox.service';
import { DisciplineCalendar } from './discipline-calendar.service';
import { stepDeadlines, Step } from './discipline-policy.util';
import { DisciplineCaseSteps } from './discipline-case-steps.service';
import { DisciplineCasesRepository } from './discipline-cases.repository';

/** Background sweeps over cases: delivered decisions becoming effective and ending, overdue steps flagged and escalated. */
@Injectable()
export class DisciplineSweepsService {
  constructor(
    private readonly calendar: DisciplineCalendar,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly steps: DisciplineCaseSteps,
    private readonly cases: DisciplineCasesRepository,
  ) {}

  /**
   * Background progression (the sweep job and backdated deliveries): DELIVERED cases whose effective
   * date has come become EFFECTIVE (event DisciplineEffective → effects), EFFECTIVE ones past their end
   * become ENDED (event DisciplineEnded). Returns the ids moved.
   */
  async advanceDue(today: string, onlyId?: string): Promise<{ effective: string[]; ended: string[] }> {
    const effective = await this.cases.markEffective(today, onlyId);
    for (const r of effective) {
      await this.steps.history(r.id, 'DELIVERED', 'EFFECTIVE', 'EFFECTIVE', 'system');
      await this.outbox.add({
        type: 'DisciplineEffective',
        aggregateType: 'DisciplineCase',
        aggregateId: r.id,
        payload: { caseId: r.id, employeeId: r.employee_id, cause: `hukdis:${r.id}` },
        dedupeKey: `discipline-effective:${r.id}`,
      });
    }
    const ended = await this.cases.markEnded(today, onlyId);
    for (const r of ended) {
      await this.steps.history(r.id, 'EFFECTIVE', 'ENDED', 'END', 'system');
      await this.outbox.add({
        type: 'DisciplineEnded',
        aggregateType: 'DisciplineCase',
        aggregateId: r.id,
        payload: { caseId: r.id, employeeId: r.employee_id, cause: `hukdis-ended:${r.id}` },
        dedupeKey: `discipline-ended:${r.id}`,
      });
    }
    return { effective: effective.map((r) => r.id), ended: ended.map((r) => r.id) };
  }

  /**
   * Overdue steps and escalations (the sweep job): recomputes each open case's deadlines; a
   * recommendation not acted on by its deadline creates one escalation record (SBT follow-up,
   * SIASN block step) and a DisciplineDeadlineMissed event per missed step.
   */
  async flagOverdue(today: string, limit = 5000): Promise<{ flagged: number; escalated: number }> {
    const open = await this.cases.open(limit);
    if (open.length === 0) return { flagged: 0, escalated: 0 };
    const minDate = open.reduce((a, c) => (c.reported_on < a ? c.reported_on : a), today);
    const holidays = await this.calendar.holidays(minDate, `${Number(today.slice(0, 4)) + 1}-12-31`);
    let flagged = 0;
    let escalated = 0;
    for (const c of open) {
      const dl = stepDeadlines(this.steps.dates(c), today, holidays);
      const overdue = (Object.keys(dl) as Step[]).filter((s) => dl[s].overdue);
      const changed = overdue.join(',') !== c.overdue_steps.join(',');
      if (changed) {
        flagged++;
        await this.cases.setOverdue(c.id, overdue, dl);
        for (const s of overdue.filter((x) => !c.overdue_steps.includes(x))) {
          await this.outbox.add({
            type: 'DisciplineDeadlineMissed',
            aggregateType: 'DisciplineCase',
            aggregateId: c.id,
            payload: { caseId: c.id, step: s },
            dedupeKey: `discipline-overdue:${c.id}:${s}`,
          });
        }
      }
      if (dl.decide.overdue) {
        if (await this.cases.addDecideEscalation(c.id, dl.decide.dueOn, today)) {
          escalated++;
          await this.cases.markEscalated(c.id);
          await this.steps.history(
            c.id,
            c.status,
            c.status,
            'ESCALATE',
            'system',
            `rekomendasi tidak ditindaklanjuti sampai ${dl.decide.dueOn}: eskalasi SBT, blokir layanan SIASN instansi (03 §13.3)`,
          );
          await this.audit.record({
            action: 'discipline.case.escalate',
            entityType: 'DisciplineCase',
            entityId: c.id,
            after: { step: 'decide', kind: 'SIASN_BLOCK', dueOn: dl.decide.dueOn },
          });
        }
      }
    }
    return { flagged, escalated };
  }
}
