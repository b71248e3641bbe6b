import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { TransactionHost, type TxHost } from '../database/transaction';
import { Principal } from '../identity/principal';
import { OutboxService } from '../outbox/outbox.service';
import { DistributionReport, DistributionService } from './distribution.service';
import { CorrectionDto, ObjectionDecisionDto } from './dto/evaluation.dto';
import { EvaluationView, EvaluationViews } from './evaluation-views';
import { EVALUATION_TRANSITIONS } from './evaluation-status';
import { EvaluationStore } from './evaluation-store';
import { EvaluationWorkflow } from './evaluation-workflow.service';
import { EvaluationRepository } from './evaluation.repository';

/**
 * What follows an issued evaluation above the PPK: the atasan PPK's decision on a keberatan, an
 * ADMIN correction (a new revision), and the expiry of the keberatan window (spec 01 §11).
 */
@Injectable()
export class EvaluationReviewService {
  constructor(
    @Inject(TransactionHost) private readonly txHost: TxHost,
    private readonly w: EvaluationWorkflow,
    private readonly repo: EvaluationRepository,
    private readonly views: EvaluationViews,
    private readonly distribution: DistributionService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly store: EvaluationStore,
    private readonly outbox: OutboxService,
  ) {}

  // ---- atasan PPK --------------------------------------------------------------------------

  async decide(p: Principal, skpId: string, period: string, dto: ObjectionDecisionDto): Promise<EvaluationView> {
    return this.txHost.withTransaction(async () => {
      const m = this.txHost.tx;
      const c = await this.w.load(m, p, skpId, period, true);
      this.w.requireRole(c, 'ATASAN_PPK');
      const e = this.w.requireStatus(c, 'DECISION', 'diputuskan / decided');
      const judged = await this.w.judge(m, await this.w.headInfo(m, e), c.p, dto.resultRating, dto.behaviorRating);
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
        decidedAt: this.clock.now(),
        decidedBy: p.kind === 'user' ? p.employeeId : null,
      });
      await this.repo.save(e);
      // The decision is final; the unit's distribution is re-checked and reported (informational, §3.5).
      const unitId = await this.distribution.distributionUnitId(m, e.unitId!, c.p.period);
      e.decisionDistributionReport = await this.distribution.report(m, unitId, c.p);
      await this.audit.record({
        action: 'evaluation.objection.decision',
        entityType: 'Evaluation',
        entityId: e.id,
        before,
        after: { ...this.w.ratingFacts(e), distributionOk: (e.decisionDistributionReport as DistributionReport).ok },
        reason: dto.decisionNote,
      });
      await this.w.toFinal(m, p, e, 'DECISION', dto.decisionNote);
      return this.views.view(m, c.skp, c.p, e);
    });
  }

  // ---- ADMIN -------------------------------------------------------------------------------

  async correct(p: Principal, skpId: string, period: string, dto: CorrectionDto): Promise<EvaluationView> {
    return this.txHost.withTransaction(async () => {
      const m = this.txHost.tx;
      const c = await this.w.load(m, p, skpId, period, true);
      this.w.requireRole(c, 'ADMIN');
      const e = this.w.requireStatus(c, 'CORRECTION', 'dikoreksi / corrected');
      const judged = await this.w.judge(m, await this.w.headInfo(m, e), c.p, dto.resultRating, dto.behaviorRating);
      const before = this.w.ratingFacts(e);
      await this.repo.insertRevision(e, dto.reason, p.kind === 'user' ? p.nip : 'system', this.clock.now());
      Object.assign(e, {
        resultRating: judged.resultRating,
        behaviorRating: dto.behaviorRating,
        predicate: judged.predicate,
        explanation: judged.explanation,
        revision: e.revision + 1,
      });
      await this.audit.record({
        action: 'evaluation.correction',
        entityType: 'Evaluation',
        entityId: e.id,
        before,
        after: this.w.ratingFacts(e),
        reason: dto.reason,
      });
      await this.w.toFinal(m, p, e, 'CORRECTION', dto.reason);
      return this.views.view(m, c.skp, c.p, e);
    });
  }

  // ---- background --------------------------------------------------------------------------

  /** Finalises ISSUED evaluations whose objection window has passed (spec 01 §11). Returns their ids. */
  async expireWindows(m: EntityManager, limit = 500): Promise<string[]> {
    // Set-based (at year end 100,000 windows close at once): per evaluation the same FINAL write, transition,
    // audit row and EvaluationFinalized event as toFinal, in five statements for the whole run.
    const now = this.clock.now();
    const rows = await this.repo.lockExpiredWindows(now, limit, m);
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    await this.repo.finalizeExpired(ids, now, m);
    await this.store.transitions(
      m,
      rows.map((r) => ({ evaluationId: r.id, revision: r.revision })),
      {
        from: 'ISSUED',
        to: EVALUATION_TRANSITIONS.EXPIRY.to,
        action: 'EXPIRY',
        reason: 'batas waktu keberatan lewat / objection window expired',
      },
    );
    await this.audit.recordMany(
      m,
      ids.map((id) => ({
        action: 'evaluation.window-expired',
        entityType: 'Evaluation',
        entityId: id,
        before: { status: 'ISSUED' },
        after: { status: 'FINAL' },
      })),
    );
    await this.outbox.addMany(
      m,
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
}
