import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { FinalPredicatesReader } from '../evaluation/final-predicates.repository';
import { JobHandler } from '../jobs/job-handler.decorator';
import { PppkContractReviewJob } from './pppk.job';
import { OrgDirectory } from '../org/org-directory.service';
import { OutcomeStore } from '../outcomes/outcome-store.service';
import { addMonthsToDate } from '../rules/common/dates';
import { makeOutcome } from '../rules/outcomes/build';
import { pppkContractReview, pppkDefaults, type Predicate } from '../rules';
import { PppkContractsRepository } from './pppk-contracts.repository';
import { PppkContractsService } from './pppk-contracts.service';

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
    private readonly contracts: PppkContractsService,
    private readonly predicates: FinalPredicatesReader,
    private readonly org: OrgDirectory,
    private readonly outcomes: OutcomeStore,
    private readonly clock: Clock,
  ) {}

  @JobHandler(PppkContractReviewJob)
  async review(payload: Record<string, unknown>) {
    const today = this.clock.today();
    const employeeId = typeof payload.employeeId === 'string' ? payload.employeeId : null;
    // Contracts ending within the lead time (+1 month of slack for month-end clamping) are candidates.
    const endsBy = addMonthsToDate(today, pppkDefaults.contractReview.leadMonths + 1);
    const due = await this.repo.unreviewed(endsBy, employeeId);
    const ids = due.map((c) => c.employeeId);
    const latest = await this.predicates.latestAnnual(ids);
    const standing = new Map((await this.org.standings(ids, today)).map((s) => [s.id, s]));
    const snaps = new Map((await this.org.snapshotsByIds(ids, today)).map((s) => [s.employeeId, s]));
    const proposed: string[] = [];
    for (const c of due) {
      const who = standing.get(c.employeeId);
      // Contracts are PPPK only (the PUT refuses others); a later change of status ends the review duty.
      if (!who || who.status !== 'PPPK') continue;
      const found = latest.get(c.employeeId);
      const last = found ? { period: found.period, predicate: found.predicate as Predicate } : null;
      const r = pppkContractReview({ contractEnd: c.endsOn, latestAnnualPredicate: last?.predicate ?? null });
      if (r.reviewDue > today) continue;
      const warnings = [...r.warnings];
      if (c.endsOn < today)
        warnings.push({
          code: 'CONTRACT_ALREADY_ENDED',
          message: `Perjanjian kerja berakhir ${c.endsOn}, sebelum peninjauan diusulkan: putuskan segera`,
        });
      const snap = snaps.get(c.employeeId);
      const id = await this.repo.insertReview({
        contractId: c.contractId,
        employeeId: c.employeeId,
        subject: { nip: who.nip, name: snap?.name ?? who.nip, unitCode: snap?.unitCode ?? null },
        contractEnd: c.endsOn,
        reviewDue: r.reviewDue,
        latest: last,
        proposal: r.recommendation,
        warnings,
        explanation: r.explanation,
      });
      if (!id) continue;
      proposed.push(id);
      // A recommendation comes only from a predikat: `last` is there whenever there is one.
      if (r.recommendation === 'CONTRACT_NOT_EXTENDED' && last)
        await this.outcomes.saveAll(
          c.employeeId,
          [
            makeOutcome({
              type: 'CONTRACT_NOT_EXTENDED',
              nip: who.nip,
              fact: `contract-review:${c.contractId}`,
              status: 'PROPOSED',
              reason: `Peninjauan perjanjian kerja yang berakhir ${c.endsOn}: predikat tahunan ${last.period} ${last.predicate} → diusulkan tidak diperpanjang (keputusan PPK)`,
              effectiveFrom: c.endsOn,
              effectiveTo: null,
              source: { kind: 'PPPK_CONTRACT_REVIEW', id },
              inputs: {
                contractEnd: c.endsOn,
                reviewDue: r.reviewDue,
                period: last.period,
                predicate: last.predicate,
              },
              formula: r.explanation.formula,
              legalBasis: r.explanation.legalBasis,
            }),
          ],
          c.endsOn.slice(0, 4),
        );
    }
    const problems = await this.contracts.problems(employeeId);
    return {
      today,
      candidates: due.length,
      proposed: proposed.length,
      // Counts only: job results live in Redis (no personal data); the list route names the people.
      contractEndMissing: problems.length,
    };
  }
}
