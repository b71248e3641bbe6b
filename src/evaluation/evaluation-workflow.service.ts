import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Relation } from '../authz/access-policy';
import { badRequest, conflict, forbidden, unprocessable } from '../common/api-error';
import { Clock } from '../common/clock';
import { Principal } from '../identity/principal';
import { OutboxService } from '../outbox/outbox.service';
import {
  computePredicate,
  RuleInputError,
  unitHeadPredicate,
  type Explanation,
  type Predicate,
  type Rating,
} from '../rules';
import { DistributionService } from './distribution.service';
import { EvaluationEntity } from './entities/evaluation.entity';
import { EvaluationAccess, EvaluationCtx } from './evaluation-access';
import { EVALUATION_TRANSITIONS, nextStatus, type EvaluationAction, type EvaluationStatus } from './evaluation-status';
import { EvaluationStore } from './evaluation-store';
import { EvaluationViews } from './evaluation-views';
import { EvaluationRepository } from './evaluation.repository';
import { EvaluationPeriod, periodLabel } from './periods';

export type FinalizedBy = 'ACCEPT' | 'DECISION' | 'EXPIRY' | 'CORRECTION';

type Ctx = EvaluationCtx;

/** What every actor's step shares: loading with access, role and status checks, the predicate, reaching FINAL. */
@Injectable()
export class EvaluationWorkflow {
  constructor(
    private readonly repo: EvaluationRepository,
    private readonly store: EvaluationStore,
    private readonly views: EvaluationViews,
    private readonly distribution: DistributionService,
    private readonly access: EvaluationAccess,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  load(m: EntityManager, p: Principal, skpId: string, period: string, lock: boolean): Promise<Ctx> {
    return this.access.load(m, p, skpId, period, lock);
  }

  requireRole(c: Ctx, role: Relation): void {
    if (c.rel.has(role)) return;
    const who: Record<string, string> = {
      SELF: 'pegawai yang dinilai / the evaluated employee',
      PPK: 'Pejabat Penilai Kinerja pegawai / the employee’s PPK',
      ATASAN_PPK: 'atasan Pejabat Penilai Kinerja / the PPK’s superior',
      ADMIN: 'admin kepegawaian / an ADMIN',
    };
    throw forbidden(`Hanya ${who[role]} yang dapat melakukan ini`);
  }

  requireStatus(c: Ctx, action: EvaluationAction, verb: string): EvaluationEntity {
    const actual = c.e?.status ?? 'DRAFT';
    const status = EVALUATION_TRANSITIONS[action].from.join('/');
    if (!c.e || nextStatus(actual as EvaluationStatus, action) === null) {
      throw conflict(
        `Evaluasi berstatus ${actual}; hanya evaluasi ${status} yang dapat ${verb.split(' / ')[0]} / only a ${status} evaluation can be ${verb.split(' / ')[1]}`,
        [{ field: 'status', problem: `is ${actual}, must be ${status}` }],
      );
    }
    return c.e;
  }

  async headInfo(
    m: EntityManager,
    e: EvaluationEntity,
  ): Promise<{ isUnitHead: boolean; ledUnitId: string | null; unitCode: string }> {
    if (!e.isUnitHead) return { isUnitHead: false, ledUnitId: null, unitCode: '' };
    const snap = e.snapshot as { employee?: { unitId: string; unitCode: string } } | null;
    const led = snap?.employee?.unitId ?? (await this.views.ledUnitId(m, e, e.refDate!));
    const code = snap?.employee?.unitCode ?? (led ? ((await this.distribution.unitById(m, led))?.code ?? '') : '');
    return { isUnitHead: true, ledUnitId: led, unitCode: code };
  }

  async judge(
    m: EntityManager,
    who: { isUnitHead: boolean; ledUnitId: string | null; unitCode: string },
    per: EvaluationPeriod,
    resultRating: Rating | undefined,
    behaviorRating: Rating,
  ): Promise<{ resultRating: Rating; predicate: Predicate; explanation: Explanation }> {
    if (who.isUnitHead && who.ledUnitId) {
      const perf = await this.distribution.performance(m, who.ledUnitId, per.period);
      if (!perf) {
        throw unprocessable(
          `Pegawai adalah pimpinan unit ${who.unitCode}: Rating Hasil Kerjanya adalah Capaian Kinerja Organisasi, yang untuk ${periodLabel(per)} belum ditetapkan. Minta pimpinan unit induk atau admin BKPSDM menetapkannya lebih dahulu / the unit's organisation predicate is not set yet`,
          [
            {
              field: 'resultRating',
              problem: `organisation performance of ${who.unitCode} for ${per.period} is not set`,
            },
          ],
        );
      }
      try {
        const r = unitHeadPredicate({ orgPredicate: perf.predicate, behaviorRating, resultRating, onDate: per.end });
        return { resultRating: r.resultRating, predicate: r.predicate, explanation: r.explanation };
      } catch (err) {
        if (err instanceof RuleInputError)
          throw unprocessable(err.message, [{ field: err.field ?? 'resultRating', problem: err.message }]);
        throw err;
      }
    }
    if (!resultRating)
      throw badRequest('Data tidak valid / invalid input', [
        { field: 'resultRating', problem: 'is required (only a unit head’s comes from the organisation predicate)' },
      ]);
    const r = computePredicate({ resultRating, behaviorRating, onDate: per.end });
    return { resultRating, predicate: r.predicate, explanation: r.explanation };
  }

  ratingFacts(e: EvaluationEntity) {
    return {
      status: e.status,
      resultRating: e.resultRating,
      behaviorRating: e.behaviorRating,
      predicate: e.predicate,
      revision: e.revision,
    };
  }

  async toFinal(
    m: EntityManager,
    p: Principal | undefined,
    e: EvaluationEntity,
    by: FinalizedBy,
    reason: string | null,
  ): Promise<void> {
    const from = e.status;
    const to = nextStatus(from as EvaluationStatus, by);
    if (to === null) throw new Error(`evaluation ${e.id}: ${by} is not allowed from ${from}`);
    e.status = to;
    e.finalizedAt = this.clock.now();
    e.finalizedBy = by;
    e.version += 1;
    await this.repo.save(e, m);
    await this.store.transition(m, p, e, from, to, by, reason);
    await this.outbox.add(m, {
      type: 'EvaluationFinalized',
      aggregateType: 'Evaluation',
      aggregateId: e.id,
      payload: { evaluationId: e.id, revision: e.revision },
      dedupeKey: `evaluation-finalized:${e.id}:${e.revision}`,
    });
  }
}
