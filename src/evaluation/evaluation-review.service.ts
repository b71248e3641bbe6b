import { Injectable } from '@nestjs/common';
import { actorLabel, Principal } from '../identity/principal';
import { DistributionReport } from './distribution.service';
import { CorrectionDto, ObjectionDecisionDto } from './dto/evaluation.dto';
import { EvaluationView } from './evaluation-views.service';
import { EVALUATION_TRANSITIONS } from './evaluation-status.util';
import { EvaluationWorkflow, ratedFact } from './evaluation-workflow.service';

/**
 * What follows an issued evaluation above the PPK: the atasan PPK's decision on a keberatan, an
 * ADMIN correction (a new revision), and the expiry of the keberatan window (spec 01 §11).
 */
@Injectable()
export class EvaluationReviewService {
  constructor(private readonly w: EvaluationWorkflow) {}

  // ---- atasan PPK --------------------------------------------------------------------------

  async decide(p: Principal, skpId: string, period: string, dto: ObjectionDecisionDto): Promise<EvaluationView> {
    return this.w.step(p, skpId, period, 'ATASAN_PPK', async (c) => {
      const e = this.w.requireStatus(c, 'DECISION', 'diputuskan / decided');
      const judged = await this.w.judge(await this.w.headInfo(e), c.p, dto.resultRating, dto.behaviorRating);
      const before = this.w.ratingFacts(e);
      Object.assign(e, {
        originalResultRating: e.resultRating,
        originalBehaviorRating: e.behaviorRating,
        originalPredicate: e.predicate,
        resultRating: judged.resultRating,
        behaviorRating: dto.behaviorRating,
        predicate: judged.predicate,
        explanation: judged.explanation,
        decisionNote: dto.decisionNote,
        decidedAt: this.w.clock.now(),
        decidedBy: p.kind === 'user' ? p.employeeId : null,
      });
      await this.w.repo.save(e);
      // The decision is final; the unit's distribution is re-checked and reported (informational, §3.5).
      const unitId = await this.w.distribution.distributionUnitId(ratedFact(e.unitId, 'unitId'), c.p.period);
      e.decisionDistributionReport = await this.w.distribution.report(unitId, c.p);
      await this.w.audit.record({
        action: 'evaluation.objection.decision',
        entityType: 'Evaluation',
        entityId: e.id,
        before,
        after: { ...this.w.ratingFacts(e), distributionOk: (e.decisionDistributionReport as DistributionReport).ok },
        reason: dto.decisionNote,
      });
      await this.w.toFinal(p, e, 'DECISION', dto.decisionNote);
      return this.w.views.view(c.skp, c.p, e);
    });
  }

  // ---- ADMIN -------------------------------------------------------------------------------

  async correct(p: Principal, skpId: string, period: string, dto: CorrectionDto): Promise<EvaluationView> {
    return this.w.step(p, skpId, period, 'ADMIN', async (c) => {
      const e = this.w.requireStatus(c, 'CORRECTION', 'dikoreksi / corrected');
      const judged = await this.w.judge(await this.w.headInfo(e), c.p, dto.resultRating, dto.behaviorRating);
      const before = this.w.ratingFacts(e);
      await this.w.parts.insertRevision(e, dto.reason, p.kind === 'user' ? p.nip : 'system', this.w.clock.now());
      Object.assign(e, {
        resultRating: judged.resultRating,
        behaviorRating: dto.behaviorRating,
        predicate: judged.predicate,
        explanation: judged.explanation,
        revision: e.revision + 1,
      });
      await this.w.audit.record({
        action: 'evaluation.correction',
        entityType: 'Evaluation',
        entityId: e.id,
        before,
        after: this.w.ratingFacts(e),
        reason: dto.reason,
      });
      await this.w.toFinal(p, e, 'CORRECTION', dto.reason);
      return this.w.views.view(c.skp, c.p, e);
    });
  }

  // ---- background --------------------------------------------------------------------------

  /**
   * One chunk of the window expiry (spec 01 §11), in the caller's transaction: up to `limit` ISSUED
   * evaluations whose objection window has passed become FINAL. Per evaluation the same FINAL write,
   * transition, audit row and EvaluationFinalized event as toFinal, in three statements for the chunk
   * (the update with its transitions, the audit rows, the outbox rows). Returns their ids.
   */
  async expireWindows(limit: number): Promise<string[]> {
    const now = this.w.clock.now();
    const rows = await this.w.repo.finalizeExpiredWindows(now, limit, {
      to: EVALUATION_TRANSITIONS.EXPIRY.to,
      action: 'EXPIRY',
      actor: actorLabel(undefined).actor,
      reason: 'batas waktu keberatan lewat / objection window expired',
    });
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    await this.w.audit.recordMany(
      ids.map((id) => ({
        action: 'evaluation.window-expired',
        entityType: 'Evaluation',
        entityId: id,
        before: { status: 'ISSUED' },
        after: { status: 'FINAL' },
      })),
    );
    await this.w.outbox.addMany(
      rows.map((r) => ({
        type: 'EvaluationFinalized',
        aggregateType: 'Evaluation',
        aggregateId: r.id,
        payload: { evaluationId: r.id, revision: r.revision },
        dedupeKey: `evaluation-finalized:${r.id}:${r.revision}`,
      })),
    );
    return ids;
  }

  /** Whether the caller's transaction may run the expiry sweep (no other sweep holds it). */
  lockExpirySweep(): Promise<boolean> {
    return this.w.repo.lockExpirySweep();
  }
}
