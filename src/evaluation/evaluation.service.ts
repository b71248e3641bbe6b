import { Inject, Injectable } from '@nestjs/common';
import { AccessPolicy } from '../authz/access-policy';
import { ConflictError } from '../common/domain-errors';
import { Clock } from '../common/clock';
import { TransactionHost, type TxHost } from '../database/transaction';
import { Principal } from '../identity/principal';
import { type Predicate } from '../rules';
import { segmentReferenceDate } from '../skp/skp.enums';
import { DistributionReport } from './distribution.service';
import { EvaluationAccess, EvaluationCtx } from './evaluation-access.service';
import type { EvaluationStatus } from './evaluation-status.util';
import { EvaluationLookup } from './evaluation-lookup.service';
import { EvaluationView, EvaluationViews, ViewPreloaded } from './evaluation-views.service';
import { EvaluationRepository } from './evaluation.repository';
import { Cadence, PeriodKind, periodsOfYear } from './periods';
import { segmentPeriod } from './segment-periods.util';

export { EVALUATION_STATUSES, type EvaluationStatus } from './evaluation-status.util';
export type { FinalizedBy } from './evaluation-status.util';
/** The periods of an SKP's year with their evaluation, if started (status DRAFT when not). */
export interface EvaluationList {
  skpId: string;
  year: number;
  cadence: Cadence;
  items: {
    period: string;
    periodKind: PeriodKind;
    fromMonth: string;
    toMonth: string;
    id: string | null;
    status: EvaluationStatus;
    predicate: Predicate | null;
    revision: number;
  }[];
}

type Ctx = EvaluationCtx;

/**
 * The evaluation workflow per SKP × period (spec 01 §3.5, §6–§11):
 * DRAFT → SUBMITTED (realisations) → RATED (PPK) → ISSUED (finalize, distribution checked) →
 * FINAL (accept / window expiry) or OBJECTED → FINAL (atasan PPK's decision). FINAL is immutable;
 * ADMIN corrections are revisions. Every write is audited; reaching FINAL writes EvaluationFinalized.
 * The transitions are `evaluation-status.util.ts`; the writes are per actor (EmployeeEvaluationService,
 * PpkEvaluationService, EvaluationReviewService); this service answers the reads.
 */
@Injectable()
export class EvaluationService {
  constructor(
    @Inject(TransactionHost) private readonly txHost: TxHost,
    private readonly repo: EvaluationRepository,
    private readonly lookup: EvaluationLookup,
    private readonly views: EvaluationViews,
    private readonly policy: AccessPolicy,
    private readonly clock: Clock,
    private readonly access: EvaluationAccess,
  ) {}

  // ---- reads -------------------------------------------------------------------------------

  async get(p: Principal, skpId: string, period: string): Promise<EvaluationView> {
    const c = await this.load(p, skpId, period, false);
    return this.views.view(c.skp, c.p, c.e, this.preloaded(c));
  }

  /** What the access read loaded, for the view (the employee's NIP and name from the snapshot on refDate). */
  private preloaded(c: Ctx): ViewPreloaded {
    return {
      ...c.read,
      ...c.content,
      ...(c.subject ? { employee: { nip: c.subject.nip, name: c.subject.name } } : {}),
    };
  }

  /**
   * Evaluations of an SKP, one line per period of its year that meets the SKP's own dates (existing or not
   * yet started), each intersected with them (spec 04 §1.3); the annual line only on the SKP that gives it.
   */
  async list(p: Principal, skpId: string): Promise<EvaluationList> {
    const { skp, segments } = await this.lookup.skpWithSegments(skpId);
    const { cadence } = await this.repo.cadence(skp.year);
    const rows = await this.repo.findBySkp(skpId);
    const ps = periodsOfYear(skp.year, cadence).flatMap((x) => {
      try {
        return [segmentPeriod(x, skp, segments, this.lookup.annualMode())];
      } catch {
        return [];
      }
    });
    await this.policy.require(
      p,
      skp.employeeId,
      segmentReferenceDate(skp, this.clock.today()),
      ['ADMIN', 'SELF', 'PPK'],
      'SKP',
    );
    return {
      skpId,
      year: skp.year,
      cadence,
      items: ps.map((x) => {
        const e = rows.find((r) => r.period === x.period);
        return {
          period: x.period,
          periodKind: x.kind,
          fromMonth: x.fromMonth,
          toMonth: x.toMonth,
          id: e?.id ?? null,
          status: (e?.status ?? 'DRAFT') as EvaluationStatus,
          predicate: (e?.predicate ?? null) as Predicate | null,
          revision: e?.revision ?? 0,
        };
      }),
    };
  }

  /** Data for the DEKP: the view with the identity blocks as of the period (frozen at issue). */
  async documentData(
    p: Principal,
    skpId: string,
    period: string,
  ): Promise<{ view: EvaluationView; distribution: DistributionReport | null }> {
    const c = await this.load(p, skpId, period, false);
    if (!c.e || !['RATED', 'ISSUED', 'OBJECTED', 'FINAL'].includes(c.e.status)) {
      throw new ConflictError('DEKP tersedia setelah evaluasi dinilai / the DEKP exists once the evaluation is RATED', [
        { field: 'status', problem: `is ${c.e?.status ?? 'DRAFT'}` },
      ]);
    }
    const view = await this.views.view(c.skp, c.p, c.e, this.preloaded(c));
    if (!view.snapshot) view.snapshot = await this.lookup.snapshot(c.skp.employeeId, c.refDate);
    return { view, distribution: view.distribution };
  }

  private load(p: Principal, skpId: string, period: string, lock: boolean): Promise<Ctx> {
    return this.access.load(p, skpId, period, lock);
  }
}
