import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { EvaluationStatusReader } from '../evaluation/evaluation-status-reader';
import { JobContext } from '../jobs/job-context';
import { JobHandler } from '../jobs/job-handler.decorator';
import { OutcomeStore } from '../outcomes/outcome-store';
import { addMonthsToDate } from '../rules/common/dates';
import { makeOutcome } from '../rules/outcomes/build';
import { pppkContractReview, pppkDefaults } from '../rules';
import { PppkContractsRepository } from './pppk-contracts.repository';

/**
 * `pppk.contract-review` (04 §6): for every current PPPK contract whose review is due (contract end − 6
 * months, rule `pppk.contractReview`) and not yet proposed, one proposal from the latest FINAL annual
 * predikat; K/SK also records a PROPOSED CONTRACT_NOT_EXTENDED outcome. Idempotent: one review per
 * contract (unique), outcomes keyed by contract. Contracts without an end date are counted here and listed by GET /pppk/contract-reviews.
 */
@Injectable()
export class PppkContractReviewHandler {
  constructor(
    private readonly repo: PppkContractsRepository,
    private readonly evaluations: EvaluationStatusReader,
    private readonly outcomes: OutcomeStore,
    private readonly clock: Clock,
  ) {}

  @JobHandler('pppk.contract-review')
  async review(payload: Record<string, unknown>, ctx: JobContext) {
    const m = ctx.manager;
    const today = this.clock.today();
    const employeeId = typeof payload.employeeId === 'string' ? payload.employeeId : null;
    // Contracts ending within the lead time (+1 month of slack for month-end clamping) are candidates.
    const endsBy = addMonthsToDate(today, pppkDefaults.contractReview.leadMonths + 1);
    const due = await this.repo.unreviewed(m, endsBy, employeeId);
    const latest = await this.evaluations.latestAnnualFinal(
      due.map((c) => c.employeeId),
      m,
    );
    const proposed: string[] = [];
    for (const c of due) {
      const last = latest.get(c.employeeId) ?? null;
      const r = pppkContractReview({ contractEnd: c.endsOn, latestAnnualPredicate: last?.predicate ?? null });
      if (r.reviewDue > today) continue;
      const warnings = [...r.warnings];
      if (c.endsOn < today)
        warnings.push({
          code: 'CONTRACT_ALREADY_ENDED',
          message: `Perjanjian kerja berakhir ${c.endsOn}, sebelum peninjauan diusulkan: putuskan segera`,
        });
      const id = await this.repo.insertReview(m, {
        contractId: c.contractId,
        employeeId: c.employeeId,
        contractEnd: c.endsOn,
        reviewDue: r.reviewDue,
        latest: last ? { period: last.period, predicate: last.predicate } : null,
        proposal: r.recommendation,
        warnings,
        explanation: r.explanation,
      });
      if (!id) continue;
      proposed.push(id);
      if (r.recommendation === 'CONTRACT_NOT_EXTENDED')
        await this.outcomes.saveAll(
          m,
          c.employeeId,
          [
            makeOutcome({
              type: 'CONTRACT_NOT_EXTENDED',
              nip: c.nip,
              fact: `contract-review:${c.contractId}`,
              status: 'PROPOSED',
              reason: `Peninjauan perjanjian kerja yang berakhir ${c.endsOn}: predikat tahunan ${last!.period} ${last!.predicate} → diusulkan tidak diperpanjang (keputusan PPK)`,
              effectiveFrom: c.endsOn,
              effectiveTo: null,
              source: { kind: 'PPPK_CONTRACT_REVIEW', id },
              inputs: {
                contractEnd: c.endsOn,
                reviewDue: r.reviewDue,
                period: last!.period,
                predicate: last!.predicate,
              },
              formula: r.explanation.formula,
              legalBasis: r.explanation.legalBasis,
            }),
          ],
          c.endsOn.slice(0, 4),
        );
    }
    const problems = await this.repo.missingEnd(m, employeeId);
    return {
      today,
      candidates: due.length,
      proposed: proposed.length,
      // Counts only: job results live in Redis (no personal data); the list route names the people.
      contractEndMissing: problems.length,
    };
  }
}
