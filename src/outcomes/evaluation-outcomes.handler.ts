import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { FinalPredicatesReader, type FinalPredicate } from '../evaluation/final-predicates.repository';
import { JobHandler } from '../jobs/job-handler.decorator';
import { DeriveEvaluationOutcomesJob } from './outcomes.job';
import { OrgDirectory } from '../org/org-directory.service';
import { deriveOutcomes, Outcome, type Predicate } from '../rules';
import { OutcomeStore } from './outcome-store.service';

/** Reward/punishment outcomes that follow from the employee's FINAL predicate history. */
@Injectable()
export class EvaluationOutcomesHandler {
  constructor(
    private readonly store: OutcomeStore,
    private readonly clock: Clock,
    private readonly predicates: FinalPredicatesReader,
    private readonly org: OrgDirectory,
  ) {}

  /** One EvaluationFinalized, or a batch of them from the relay (`payload.batch`): two set-based reads, one insert. */
  @JobHandler(DeriveEvaluationOutcomesJob)
  async handle(payload: Record<string, unknown>) {
    const items = (Array.isArray(payload.batch) ? payload.batch : [payload]) as Record<string, unknown>[];
    const today = this.clock.today();
    const evs = await this.predicates.evaluations(items.map((i) => String(i.evaluationId)));
    const finals = evs.filter((e) => e.status === 'FINAL');
    if (finals.length === 0) return { skipped: 'evaluation not FINAL' };
    const employeeIds = [...new Set(finals.map((e) => e.employeeId))];
    const history = await this.predicates.history(employeeIds);
    const standing = new Map((await this.org.standings(employeeIds, today)).map((x) => [x.id, x]));
    const byEmployee = new Map<string, FinalPredicate[]>();
    for (const h of history) {
      const list = byEmployee.get(h.employeeId) ?? [];
      list.push(h);
      byEmployee.set(h.employeeId, list);
    }
    const toSave: { employeeId: string; outcomes: Outcome[]; period: string }[] = [];
    for (const ev of finals) {
      const emp = standing.get(ev.employeeId);
      if (!emp) continue; // an evaluation always belongs to an employee (foreign key)
      const { outcomes } = deriveOutcomes({
        nip: emp.nip,
        employeeStatus: emp.status,
        positionKind: (emp.positionKind ?? undefined) as Parameters<typeof deriveOutcomes>[0]['positionKind'],
        asOf: today,
        predicates: (byEmployee.get(ev.employeeId) ?? []).map((h) => ({
          period: h.period,
          predicate: h.predicate as Predicate,
          evaluationId: h.id,
          finalizedOn: h.finalizedOn,
        })),
      });
      // Only outcomes caused by this evaluation's period are attributed to it; older ones already exist.
      if (outcomes.length) toSave.push({ employeeId: ev.employeeId, outcomes, period: ev.period });
    }
    const created = await this.store.saveMany(toSave);
    return items.length === 1 ? { outcomesCreated: created } : { evaluations: finals.length, outcomesCreated: created };
  }
}
