import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { JobContext } from '../jobs/job-context';
import { JobHandler } from '../jobs/job-handler.decorator';
import { deriveOutcomes, Outcome } from '../rules';
import { OutcomeStore } from './outcome-store';

interface EvalRow {
  id: string;
  employee_id: string;
  period: string;
  status: string;
  nip: string;
  employee_status: 'PNS' | 'PPPK';
  position_kind: string | null;
}

interface HistoryRow {
  employee_id: string;
  period: string;
  predicate: string;
  id: string;
  finalized_on: string;
}

/** Reward/punishment outcomes that follow from the employee's FINAL predicate history. */
@Injectable()
export class EvaluationOutcomesHandler {
  constructor(
    private readonly store: OutcomeStore,
    private readonly clock: Clock,
  ) {}

  /** One EvaluationFinalized, or a batch of them from the relay (`payload.batch`): two set-based reads, one insert. */
  @JobHandler('evaluation.derive-outcomes')
  async handle(payload: Record<string, unknown>, ctx: JobContext) {
    const items = (Array.isArray(payload.batch) ? payload.batch : [payload]) as Record<string, unknown>[];
    const today = this.clock.today();
    const evs: EvalRow[] = await ctx.manager.query(
      `SELECT e.id, e.employee_id, e.period, e.status, emp.nip, emp.status AS employee_status, a.position_kind
         FROM evaluations e JOIN employees emp ON emp.id = e.employee_id
         LEFT JOIN employee_assignments a ON a.employee_id = e.employee_id AND a.valid_from <= $2::date AND (a.valid_to IS NULL OR a.valid_to > $2::date)
        WHERE e.id = ANY($1::uuid[])`,
      [items.map((i) => String(i.evaluationId)), today],
    );
    const finals = evs.filter((e) => e.status === 'FINAL');
    if (finals.length === 0) return { skipped: 'evaluation not FINAL' };
    const history: HistoryRow[] = await ctx.manager.query(
      `SELECT employee_id, period, predicate, id, to_char(finalized_at AT TIME ZONE 'Asia/Jakarta','YYYY-MM-DD') AS finalized_on
         FROM evaluations WHERE employee_id = ANY($1::uuid[]) AND status = 'FINAL' AND predicate IS NOT NULL ORDER BY employee_id, from_month`,
      [[...new Set(finals.map((e) => e.employee_id))]],
    );
    const byEmployee = new Map<string, HistoryRow[]>();
    for (const h of history) {
      const list = byEmployee.get(h.employee_id) ?? [];
      list.push(h);
      byEmployee.set(h.employee_id, list);
    }
    const toSave: { employeeId: string; outcomes: Outcome[]; period: string }[] = [];
    for (const ev of finals) {
      const { outcomes } = deriveOutcomes({
        nip: ev.nip,
        employeeStatus: ev.employee_status,
        positionKind: (ev.position_kind ?? undefined) as Parameters<typeof deriveOutcomes>[0]['positionKind'],
        asOf: today,
        predicates: (byEmployee.get(ev.employee_id) ?? []).map((h) => ({
          period: h.period,
          predicate: h.predicate as Outcome['type'] & never,
          evaluationId: h.id,
          finalizedOn: h.finalized_on,
        })),
      });
      // Only outcomes caused by this evaluation's period are attributed to it; older ones already exist.
      if (outcomes.length) toSave.push({ employeeId: ev.employee_id, outcomes, period: ev.period });
    }
    const created = await this.store.saveMany(ctx.manager, toSave);
    return items.length === 1 ? { outcomesCreated: created } : { evaluations: finals.length, outcomesCreated: created };
  }
}
