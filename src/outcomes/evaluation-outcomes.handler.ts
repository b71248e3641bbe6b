import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { JobContext } from '../jobs/job-context';
import { JobHandler } from '../jobs/job-handler.decorator';
import { deriveOutcomes, Outcome } from '../rules';
import { OutcomeStore } from './outcome-store';

/** Reward/punishment outcomes that follow from the employee's FINAL predicate history. */
@Injectable()
export class EvaluationOutcomesHandler {
  constructor(
    private readonly store: OutcomeStore,
    private readonly clock: Clock,
  ) {}

  @JobHandler('evaluation.derive-outcomes')
  async handle(payload: Record<string, unknown>, ctx: JobContext) {
    const ev = await ctx.manager.query(
      `SELECT e.employee_id, e.period, e.status, emp.nip, emp.status AS employee_status, a.position_kind
         FROM evaluations e JOIN employees emp ON emp.id = e.employee_id
         LEFT JOIN employee_assignments a ON a.employee_id = e.employee_id AND a.valid_from <= $2::date AND (a.valid_to IS NULL OR a.valid_to > $2::date)
        WHERE e.id = $1`,
      [payload.evaluationId, this.clock.today()],
    );
    if (!ev[0] || ev[0].status !== 'FINAL') return { skipped: 'evaluation not FINAL' };
    const history: { period: string; predicate: string; id: string; finalized_on: string }[] = await ctx.manager.query(
      `SELECT period, predicate, id, to_char(finalized_at AT TIME ZONE 'Asia/Jakarta','YYYY-MM-DD') AS finalized_on
         FROM evaluations WHERE employee_id = $1 AND status = 'FINAL' AND predicate IS NOT NULL ORDER BY from_month`,
      [ev[0].employee_id],
    );
    const { outcomes } = deriveOutcomes({
      nip: ev[0].nip,
      employeeStatus: ev[0].employee_status,
      positionKind: ev[0].position_kind ?? undefined,
      asOf: this.clock.today(),
      predicates: history.map((h) => ({ period: h.period, predicate: h.predicate as Outcome['type'] & never, evaluationId: h.id, finalizedOn: h.finalized_on })),
    });
    // Only outcomes caused by this evaluation's period are attributed to it; older ones already exist.
    const created = await this.store.saveAll(ctx.manager, ev[0].employee_id, outcomes, ev[0].period);
    return { outcomesCreated: created };
  }
}
