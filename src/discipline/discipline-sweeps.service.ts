import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { OutboxService } from '../outbox/outbox.service';
import { DisciplineCalendar } from './discipline-calendar.service';
import { stepDeadlines, Step } from './discipline-policy';
import { CASE_SELECT, CaseRow, updated } from './discipline-case.model';
import { DisciplineCaseSteps } from './discipline-case-steps.service';

/** Background sweeps over cases: delivered decisions becoming effective and ending, overdue steps flagged and escalated. */
@Injectable()
export class DisciplineSweepsService {
  constructor(
    private readonly calendar: DisciplineCalendar,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly steps: DisciplineCaseSteps,
  ) {}

  /**
   * Background progression (the sweep job and backdated deliveries): DELIVERED cases whose effective
   * date has come become EFFECTIVE (event DisciplineEffective → effects), EFFECTIVE ones past their end
   * become ENDED (event DisciplineEnded). Returns the ids moved.
   */
  async advanceDue(
    m: EntityManager,
    today: string,
    onlyId?: string,
  ): Promise<{ effective: string[]; ended: string[] }> {
    const effective = updated<{ id: string; employee_id: string }>(
      await m.query(
        `UPDATE discipline_cases SET status = 'EFFECTIVE', version = version + 1, updated_at = now()
        WHERE status = 'DELIVERED' AND effective_from <= $1::date ${onlyId ? 'AND id = $2' : ''} RETURNING id, employee_id`,
        onlyId ? [today, onlyId] : [today],
      ),
    );
    for (const r of effective) {
      await this.steps.history(m, r.id, 'DELIVERED', 'EFFECTIVE', 'EFFECTIVE', 'system');
      await this.outbox.add(m, {
        type: 'DisciplineEffective',
        aggregateType: 'DisciplineCase',
        aggregateId: r.id,
        payload: { caseId: r.id, employeeId: r.employee_id, cause: `hukdis:${r.id}` },
        dedupeKey: `discipline-effective:${r.id}`,
      });
    }
    const ended = updated<{ id: string; employee_id: string }>(
      await m.query(
        `UPDATE discipline_cases SET status = 'ENDED', ended_on = effective_to, version = version + 1, updated_at = now()
        WHERE status = 'EFFECTIVE' AND effective_to IS NOT NULL AND effective_to <= $1::date ${onlyId ? 'AND id = $2' : ''} RETURNING id, employee_id`,
        onlyId ? [today, onlyId] : [today],
      ),
    );
    for (const r of ended) {
      await this.steps.history(m, r.id, 'EFFECTIVE', 'ENDED', 'END', 'system');
      await this.outbox.add(m, {
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
  async flagOverdue(m: EntityManager, today: string, limit = 5000): Promise<{ flagged: number; escalated: number }> {
    const open: CaseRow[] = await m.query(
      `${CASE_SELECT} WHERE c.status IN ('REPORTED','VERIFIED','RECOMMENDED','DECIDED') ORDER BY c.created_at LIMIT $1`,
      [limit],
    );
    if (open.length === 0) return { flagged: 0, escalated: 0 };
    const minDate = open.reduce((a, c) => (c.reported_on < a ? c.reported_on : a), today);
    const holidays = await this.calendar.holidays(minDate, `${Number(today.slice(0, 4)) + 1}-12-31`, m);
    let flagged = 0;
    let escalated = 0;
    for (const c of open) {
      const dl = stepDeadlines(this.steps.dates(c), today, holidays);
      const overdue = (Object.keys(dl) as Step[]).filter((s) => dl[s].overdue);
      const changed = overdue.join(',') !== (c.overdue_steps ?? []).join(',');
      if (changed) {
        flagged++;
        await m.query(`UPDATE discipline_cases SET overdue_steps = $2, deadlines = $3 WHERE id = $1`, [
          c.id,
          overdue,
          JSON.stringify(dl),
        ]);
        for (const s of overdue.filter((x) => !(c.overdue_steps ?? []).includes(x))) {
          await this.outbox.add(m, {
            type: 'DisciplineDeadlineMissed',
            aggregateType: 'DisciplineCase',
            aggregateId: c.id,
            payload: { caseId: c.id, step: s },
            dedupeKey: `discipline-overdue:${c.id}:${s}`,
          });
        }
      }
      if (dl.decide.overdue) {
        const ins = await m.query(
          `INSERT INTO discipline_escalations (case_id, step, kind, due_on, detected_on) VALUES ($1, 'decide', 'SIASN_BLOCK', $2, $3)
           ON CONFLICT (case_id, step) DO NOTHING RETURNING id`,
          [c.id, dl.decide.dueOn, today],
        );
        if (ins.length) {
          escalated++;
          await m.query(`UPDATE discipline_cases SET escalated = true WHERE id = $1`, [c.id]);
          await this.steps.history(
            m,
            c.id,
            c.status,
            c.status,
            'ESCALATE',
            'system',
            `rekomendasi tidak ditindaklanjuti sampai ${dl.decide.dueOn}: eskalasi SBT, blokir layanan SIASN instansi (03 §13.3)`,
          );
          await this.audit.record(m, {
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
