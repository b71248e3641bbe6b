import { Inject, Injectable } from '@nestjs/common';
import { Relation } from '../authz/access-policy';
import { ForbiddenError, ConflictError, UnprocessableError, InvalidInputError } from '../common/domain-errors';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { TransactionHost, type TxHost } from '../database/transaction';
import { actorLabel, Principal } from '../identity/principal';
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
import { EvaluationAccess, EvaluationCtx } from './evaluation-access.service';
import {
  EVALUATION_TRANSITIONS,
  nextStatus,
  type EvaluationAction,
  type EvaluationStatus,
  type FinalizedBy,
} from './evaluation-status.util';
import { EvaluationLookup } from './evaluation-lookup.service';
import { EvaluationPartsRepository } from './evaluation-parts.repository';
import { EvaluationViews } from './evaluation-views.service';
import { EvaluationRepository } from './evaluation.repository';
import { EvaluationPeriod, periodLabel } from './periods';

/**
 * A fact the rating recorded (unit, reference date): every status from RATED on has it, so a missing one means
 * a broken row and the step cannot go on.
 */
export function ratedFact<T>(value: T | null, field: string): T {
  if (value === null)
    throw new ConflictError(`Evaluasi tidak lengkap: ${field} belum tercatat / the evaluation has no ${field}`, [
      { field, problem: 'not recorded at rating' },
    ]);
  return value;
}

type Ctx = EvaluationCtx;

/**
 * What every actor's step shares (EmployeeEvaluationService, PpkEvaluationService, EvaluationReviewService):
 * the transaction with the evaluation loaded, locked and its role checked, status checks, the predicate,
 * transitions, reaching FINAL, and the collaborators every step writes through (repositories, views, audit).
 */
@Injectable()
export class EvaluationWorkflow {
  constructor(
    @Inject(TransactionHost) readonly txHost: TxHost,
    readonly repo: EvaluationRepository,
    readonly parts: EvaluationPartsRepository,
    readonly lookup: EvaluationLookup,
    readonly views: EvaluationViews,
    readonly distribution: DistributionService,
    readonly access: EvaluationAccess,
    readonly audit: AuditService,
    readonly outbox: OutboxService,
    readonly clock: Clock,
    readonly config: AppConfig,
  ) {}

  /** One actor's step: in a transaction, the evaluation loaded with access and locked, the caller in `role`. */
  step<T>(
    p: Principal,
    skpId: string,
    period: string,
    role: Relation,
    fn: (c: Ctx) => Promise<T>,
    opts: { sanctions?: boolean } = {},
  ): Promise<T> {
    return this.txHost.withTransaction(async () => {
      const c = await this.access.load(p, skpId, period, true, opts);
      this.requireRole(c, role);
      return fn(c);
    });
  }

  /** `step` as the PPK, the employee's sanctions in the period read with the evaluation (the rating's guard). */
  ratingStep<T>(p: Principal, skpId: string, period: string, fn: (c: Ctx) => Promise<T>): Promise<T> {
    return this.step(p, skpId, period, 'PPK', fn, { sanctions: true });
  }

  /** Records a status change of the evaluation (the revision it applies to, who, why). */
  async transition(
    p: Principal | undefined,
    e: EvaluationEntity,
    from: string | null,
    to: string,
    action: string,
    reason: string | null,
  ): Promise<void> {
    await this.parts.transition(e.id, {
      from,
      to,
      action,
      actor: actorLabel(p).actor,
      reason,
      revision: e.revision,
      at: this.clock.now(),
    });
  }

  requireRole(c: Ctx, role: Relation): void {
    if (c.rel.has(role)) return;
    const who: Record<string, string> = {
      SELF: 'pegawai yang dinilai / the evaluated employee',
      PPK: 'Pejabat Penilai Kinerja pegawai / the employee’s PPK',
      ATASAN_PPK: 'atasan Pejabat Penilai Kinerja / the PPK’s superior',
      ADMIN: 'admin kepegawaian / an ADMIN',
    };
    throw new ForbiddenError(`Hanya ${who[role]} yang dapat melakukan ini`);
  }

  requireStatus(c: Ctx, action: EvaluationAction, verb: string): EvaluationEntity {
    const actual = c.e?.status ?? 'DRAFT';
    const status = EVALUATION_TRANSITIONS[action].from.join('/');
    if (!c.e || nextStatus(actual as EvaluationStatus, action) === null) {
      throw new ConflictError(
        `Evaluasi berstatus ${actual}; hanya evaluasi ${status} yang dapat ${verb.split(' / ')[0]} / only a ${status} evaluation can be ${verb.split(' / ')[1]}`,
        [{ field: 'status', problem: `is ${actual}, must be ${status}` }],
      );
    }
    return c.e;
  }

  async headInfo(e: EvaluationEntity): Promise<{ isUnitHead: boolean; ledUnitId: string | null; unitCode: string }> {
    if (!e.isUnitHead) return { isUnitHead: false, ledUnitId: null, unitCode: '' };
    const snap = e.snapshot as { employee?: { unitId: string; unitCode: string } } | null;
    const led = snap?.employee?.unitId ?? (await this.views.ledUnitId(e, ratedFact(e.refDate, 'refDate')));
    const code = snap?.employee?.unitCode ?? (led ? ((await this.distribution.unitById(led))?.code ?? '') : '');
    return { isUnitHead: true, ledUnitId: led, unitCode: code };
  }

  async judge(
    who: { isUnitHead: boolean; ledUnitId: string | null; unitCode: string },
    per: EvaluationPeriod,
    resultRating: Rating | undefined,
    behaviorRating: Rating,
  ): Promise<{ resultRating: Rating; predicate: Predicate; explanation: Explanation }> {
    if (who.isUnitHead && who.ledUnitId) {
      const perf = await this.distribution.performance(who.ledUnitId, per.period);
      if (!perf) {
        throw new UnprocessableError(
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
          throw new UnprocessableError(err.message, [{ field: err.field ?? 'resultRating', problem: err.message }]);
        throw err;
      }
    }
    if (!resultRating)
      throw new InvalidInputError('Data tidak valid / invalid input', [
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

  async toFinal(p: Principal | undefined, e: EvaluationEntity, by: FinalizedBy, reason: string | null): Promise<void> {
    const from = e.status;
    const to = nextStatus(from as EvaluationStatus, by);
    if (to === null) throw new Error(`evaluation ${e.id}: ${by} is not allowed from ${from}`);
    e.status = to;
    e.finalizedAt = this.clock.now();
    e.finalizedBy = by;
    e.version += 1;
    await this.repo.save(e);
    await this.transition(p, e, from, to, by, reason);
    await this.outbox.add({
      type: 'EvaluationFinalized',
      aggregateType: 'Evaluation',
      aggregateId: e.id,
      payload: { evaluationId: e.id, revision: e.revision },
      dedupeKey: `evaluation-finalized:${e.id}:${e.revision}`,
    });
  }
}
