import { Injectable } from '@nestjs/common';
import { AccessPolicy, Relation } from '../authz/access-policy';
import { NotFoundError, ConflictError } from '../common/domain-errors';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { Principal } from '../identity/principal';
import type { DecidedSanction } from '../discipline/discipline-sanctions.repository';
import { SkpEntity } from '../skp/entities/skp.entity';
import type { SkpContent } from '../skp/skp-content.repository';
import { EvaluationEntity } from './entities/evaluation.entity';
import { EvaluationLookup } from './evaluation-lookup.service';
import type { AssignmentSnapshot } from '../org/org-directory.service';
import type { FeedbackRow, HistoryItem, RealizationRow } from './evaluation-parts.repository';
import { EvaluationRepository } from './evaluation.repository';
import { requireRatable } from './period-guard.util';
import { EvaluationPeriod, parsePeriodId } from './periods';

/** An evaluation as one caller may see it: the SKP, the period, the row (null before the first write), relations. */
export interface EvaluationCtx {
  skp: SkpEntity;
  p: EvaluationPeriod;
  e: EvaluationEntity | null;
  refDate: string;
  rel: Set<Relation>;
  /** The SKP's results (with indicators) and behaviours, read with the SKP. */
  content: SkpContent;
  /** The employee's assignment on `refDate` (null without one), read with the relations. */
  subject: AssignmentSnapshot | null;
  /**
   * What was loaded with the evaluation (before the step writes): realisations, transitions, the rating's
   * feedback and the SKP's feedback log of the period (latest per target).
   */
  read: {
    realizations: Map<string, RealizationRow>;
    history: HistoryItem[];
    feedback: FeedbackRow[];
    feedbackLog: Map<string, string>;
    /** With `load`'s `sanctions`: the employee's decided sanctions in the period's months (`DisciplineRatingGuard`). */
    sanctions?: DecidedSanction[];
  };
}

/** Who may see an evaluation (404 otherwise) and when the employee may still write realisations. */
@Injectable()
export class EvaluationAccess {
  constructor(
    private readonly lookup: EvaluationLookup,
    private readonly repo: EvaluationRepository,
    private readonly policy: AccessPolicy,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /**
   * The evaluation as the caller may see it (404 otherwise). One statement reads the SKP, the evaluation and the
   * caller's access chain on the reference date as far as it can be known before the period is fitted (the frozen
   * one, else the calendar period's), and with `sanctionsFor` the employee's sanctions in the calendar period's
   * months; a second read only when the fitted period's date or months differ.
   */
  async load(
    p: Principal,
    skpId: string,
    period: string,
    lock: boolean,
    opts: { sanctions?: boolean } = {},
  ): Promise<EvaluationCtx> {
    // A malformed period: the SKP's 404 first, else calendarPeriod's 400 (it throws), as before the one-statement read.
    const asked =
      parsePeriodId(period) ?? this.lookup.calendarPeriod((await this.lookup.skpWithContent(skpId)).skp, period);
    const { skp, segments, content, loaded, read } = await this.repo.loadWithSkp(
      skpId,
      asked.period,
      asked.year,
      lock,
      {
        chain: { onDate: this.lookup.refDate(null, asked), sql: (emp, d, n) => this.policy.chainSql(p, emp, d, n) },
        ...(opts.sanctions ? { sanctions: { fromMonth: asked.fromMonth, toMonth: asked.toMonth } } : {}),
      },
    );
    const calendar = this.lookup.calendarPeriod(skp, period);
    const per = this.lookup.fitPeriod(skp, segments, calendar, loaded.cadence.cadence);
    const e = loaded.e;
    const refDate = this.lookup.refDate(e, per);
    const accepted: Relation[] = ['ADMIN', 'SELF', 'PPK', 'ATASAN_PPK'];
    const { rel, subject } =
      read.chain?.onDate === refDate
        ? this.policy.requireWithChain(p, skp.employeeId, read.chain.row, accepted, 'Evaluasi')
        : await this.policy.requireWithSubject(p, skp.employeeId, refDate, accepted, 'Evaluasi');
    // The atasan PPK sees an evaluation only when an appeal brought it to him.
    const onlyAtasan = !rel.has('ADMIN') && !rel.has('SELF') && !rel.has('PPK');
    if (onlyAtasan && !e?.objectionReason) throw new NotFoundError('Evaluasi');
    const { realizations, history, feedback, feedbackLog } = loaded;
    const s = read.sanctions;
    const sanctions = s && s.fromMonth === per.fromMonth && s.toMonth === per.toMonth ? s.list : undefined;
    return {
      skp,
      p: per,
      e,
      refDate,
      rel,
      subject,
      content,
      read: { realizations, history, feedback, feedbackLog, sanctions },
    };
  }

  /** Realisations and their evidence files are written on an APPROVED SKP, in a begun and ratable period, until RATED (spec 01 §6). */
  requireAcceptsRealizations(c: EvaluationCtx): void {
    this.requireApproved(c.skp);
    this.requireStarted(c.p);
    requireRatable(c.p, this.clock.today(), this.config);
    const status = c.e?.status ?? 'DRAFT';
    if (status !== 'DRAFT' && status !== 'SUBMITTED') {
      throw new ConflictError(
        `Realisasi tidak dapat diubah: evaluasi berstatus ${status} / realisations are locked once the evaluation is RATED`,
        [{ field: 'status', problem: `is ${status}` }],
      );
    }
  }

  /** An APPROVED SKP, or a CLOSED one (its closing evaluation, spec 04 §1.3). */
  requireApproved(skp: SkpEntity): void {
    if (skp.status !== 'APPROVED' && skp.status !== 'CLOSED') {
      throw new ConflictError(
        `SKP berstatus ${skp.status}; evaluasi hanya untuk SKP yang telah disetujui / evaluations need an APPROVED SKP`,
        [{ field: 'skp.status', problem: `is ${skp.status}, must be APPROVED or CLOSED` }],
      );
    }
  }

  requireStarted(p: EvaluationPeriod): void {
    if (this.clock.today() < p.start)
      throw new ConflictError(`Periode ${p.period} belum dimulai (mulai ${p.start}) / the period has not started`, [
        { field: 'period', problem: `starts ${p.start}` },
      ]);
  }
}
