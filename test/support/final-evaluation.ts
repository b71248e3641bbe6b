import { TransactionHost } from '../../src/database/transaction';
import { EvaluationRepository } from '../../src/evaluation/evaluation.repository';
import { parsePeriodId } from '../../src/evaluation/periods';
import { OrgDirectory } from '../../src/org/org-directory.service';
import { OutboxService } from '../../src/outbox/outbox.service';
import { SkpSegmentsRepository } from '../../src/skp/skp-segments.repository';
import { SkpRepository } from '../../src/skp/skp.repository';
import type { TestApp } from './test-app';

/**
 * Records a FINAL evaluation and its EvaluationFinalized outbox event in one transaction, through the
 * repositories and the outbox the evaluation service writes with (for pipeline tests that start from FINAL):
 * the employee's DEFINITIVE SKP of the year (created, or made APPROVED), the evaluation, the event.
 */
export async function recordFinalEvaluation(
  t: TestApp,
  nip: string,
  period: string,
  predicate: string,
  revision = 0,
): Promise<string> {
  const txHost = t.app.get(TransactionHost);
  const p = parsePeriodId(period);
  if (!p) throw new Error(`bad period ${period}`);
  return txHost.withTransaction(async () => {
    const employeeId = await t.app.get(OrgDirectory).employeeIdByNip(nip);
    if (!employeeId) throw new Error(`unknown NIP ${nip}`);
    const skps = t.app.get(SkpRepository);
    const existing = (await t.app.get(SkpSegmentsRepository).segmentsOfYear(employeeId, p.year)).find(
      (s) => s.kind === 'DEFINITIVE',
    );
    const skp = existing
      ? await skps.save({ id: existing.id, status: 'APPROVED' })
      : await skps.save({
          employeeId,
          year: p.year,
          approach: 'KUANTITATIF',
          formType: 'JA_JF',
          status: 'APPROVED',
          createdSnapshot: { nip },
          approvedAt: new Date(),
        });
    const evaluations = t.app.get(EvaluationRepository);
    const e = await evaluations.ensure({ id: skp.id, employeeId, kind: 'DEFINITIVE' }, p);
    Object.assign(e, {
      status: 'FINAL',
      resultRating: 'DI_ATAS_EKSPEKTASI',
      behaviorRating: 'DI_ATAS_EKSPEKTASI',
      predicate,
      finalizedAt: new Date(),
      finalizedBy: 'ACCEPT',
      revision,
    });
    await evaluations.save(e);
    await t.app.get(OutboxService).add({
      type: 'EvaluationFinalized',
      aggregateType: 'Evaluation',
      aggregateId: e.id,
      payload: { evaluationId: e.id, revision },
      dedupeKey: `evaluation-finalized:${e.id}:${revision}`,
    });
    return e.id;
  });
}
