import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AccessPolicy, Relation } from '../authz/access-policy';
import { badRequest, conflict, ErrorDetail, forbidden, unprocessable } from '../common/api-error';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { Principal } from '../identity/principal';
import { DisciplineRatingGuard } from '../discipline/discipline-read';
import { OrgDirectory } from '../org/org-directory.service';
import { OutboxService } from '../outbox/outbox.service';
import {
  computePredicate,
  RuleInputError,
  unitHeadPredicate,
  type Explanation,
  type Predicate,
  type Rating,
} from '../rules';
import { SkpEntity } from '../skp/entities/skp.entity';
import { ActionPlansReadService } from '../action-plans/action-plans-read.service';
import { DistributionReport, DistributionService } from './distribution.service';
import {
  CorrectionDto,
  FinalizeDto,
  ObjectionDecisionDto,
  ObjectionDto,
  ObjectionExplanationDto,
  RatingDto,
  RealizationsDto,
} from './dto/evaluation.dto';
import { EvaluationEntity } from './entities/evaluation.entity';
import { EvaluationAccess, EvaluationCtx } from './evaluation-access';
import { EvaluationStore } from './evaluation-store';
import { EvaluationView, EvaluationViews } from './evaluation-views';
import { Cadence, EvaluationPeriod, PeriodKind, periodLabel, periodsOfYear } from './periods';
import { requireRatable } from './period-guard';
import { segmentPeriod } from './segment-periods';
import { segmentReferenceDate } from '../skp/skp.enums';

export const EVALUATION_STATUSES = ['DRAFT', 'SUBMITTED', 'RATED', 'ISSUED', 'OBJECTED', 'FINAL'] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];
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
export type FinalizedBy = 'ACCEPT' | 'DECISION' | 'EXPIRY' | 'CORRECTION';

const DAY_MS = 24 * 3600 * 1000;

type Ctx = EvaluationCtx;

/**
 * The evaluation workflow per SKP × period (spec 01 §3.5, §6–§11):
 * DRAFT → SUBMITTED (realisations) → RATED (PPK) → ISSUED (finalize, distribution checked) →
 * FINAL (accept / window expiry) or OBJECTED → FINAL (atasan PPK's decision). FINAL is immutable;
 * ADMIN corrections are revisions. Every write is audited; reaching FINAL writes EvaluationFinalized.
 */
@Injectable()
export class EvaluationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EvaluationStore,
    private readonly views: EvaluationViews,
    private readonly distribution: DistributionService,
    private readonly policy: AccessPolicy,
    private readonly org: OrgDirectory,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly disciplineGuard: DisciplineRatingGuard,
    private readonly access: EvaluationAccess,
    private readonly plans: ActionPlansReadService,
  ) {}

  // ---- reads -------------------------------------------------------------------------------

  async get(p: Principal, skpId: string, period: string): Promise<EvaluationView> {
    const m = this.dataSource.manager;
    const c = await this.load(m, p, skpId, period, false);
    return this.views.view(m, c.skp, c.p, c.e);
  }

  /**
   * Evaluations of an SKP, one line per period of its year that meets the SKP's own dates (existing or not
   * yet started), each intersected with them (spec 04 §1.3); the annual line only on the SKP that gives it.
   */
  async list(p: Principal, skpId: string): Promise<EvaluationList> {
    const m = this.dataSource.manager;
    const skp = await this.store.skp(m, skpId);
    const { cadence } = await this.store.cadence(m, skp.year);
    const rows: EvaluationEntity[] = await m.getRepository(EvaluationEntity).findBy({ skpId });
    const segments = await this.store.segmentsOfYear(m, skp);
    const ps = periodsOfYear(skp.year, cadence).flatMap((x) => {
      try {
        return [segmentPeriod(x, skp, segments, this.store.annualMode())];
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
      m,
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
    const m = this.dataSource.manager;
    const c = await this.load(m, p, skpId, period, false);
    if (!c.e || !['RATED', 'ISSUED', 'OBJECTED', 'FINAL'].includes(c.e.status)) {
      throw conflict('DEKP tersedia setelah evaluasi dinilai / the DEKP exists once the evaluation is RATED', [
        { field: 'status', problem: `is ${c.e?.status ?? 'DRAFT'}` },
      ]);
    }
    const view = await this.views.view(m, c.skp, c.p, c.e);
    if (!view.snapshot) view.snapshot = await this.store.snapshot(m, c.skp.employeeId, c.refDate);
    return { view, distribution: view.distribution };
  }

  // ---- employee ----------------------------------------------------------------------------

  async putRealizations(p: Principal, skpId: string, period: string, dto: RealizationsDto): Promise<EvaluationView> {
    return this.dataSource.transaction(async (m) => {
      const c = await this.load(m, p, skpId, period, true);
      this.requireRole(c, 'SELF');
      this.access.requireAcceptsRealizations(c);
      const results = await this.store.skpStore.results(m, c.skp.id);
      const indicatorIds = new Set(results.flatMap((r) => r.indicators.map((i) => i.id)));
      const problems: ErrorDetail[] = [];
      const seen = new Set<string>();
      dto.items.forEach((it, i) => {
        if (!indicatorIds.has(it.indicatorId))
          problems.push({
            field: `items[${i}].indicatorId`,
            problem: 'bukan indikator dari SKP ini / not an indicator of this SKP',
          });
        if (seen.has(it.indicatorId))
          problems.push({ field: `items[${i}].indicatorId`, problem: 'duplicate indicator' });
        seen.add(it.indicatorId);
      });
      if (problems.length) throw badRequest('Data tidak valid / invalid input', problems);
      const e = c.e ?? (await this.store.ensure(m, c.skp, c.p));
      const before = await this.store.realizations(m, e.id);
      await m.query(`DELETE FROM evaluation_realizations WHERE evaluation_id = $1`, [e.id]);
      for (const it of dto.items) {
        await m.query(
          `INSERT INTO evaluation_realizations (evaluation_id, indicator_id, realization, evidence_urls, updated_at) VALUES ($1,$2,$3,$4,$5)`,
          [e.id, it.indicatorId, it.realization, it.evidenceUrls ?? [], this.clock.now()],
        );
      }
      const from = e.status;
      if (from === 'DRAFT') {
        e.status = 'SUBMITTED';
        await this.store.transition(m, p, e, from, 'SUBMITTED', 'SUBMIT_REALIZATION', null);
      }
      e.version += 1;
      await m.getRepository(EvaluationEntity).save(e);
      await this.audit.record(m, {
        action: 'evaluation.realizations',
        entityType: 'Evaluation',
        entityId: e.id,
        before: {
          status: from,
          items: [...before.entries()].map(([indicatorId, v]) => ({
            indicatorId,
            realization: v.realization,
            evidenceUrls: v.evidenceUrls,
          })),
        },
        after: { status: e.status, items: dto.items },
      });
      return this.views.view(m, c.skp, c.p, e);
    });
  }

  async accept(p: Principal, skpId: string, period: string): Promise<EvaluationView> {
    return this.dataSource.transaction(async (m) => {
      const c = await this.load(m, p, skpId, period, true);
      this.requireRole(c, 'SELF');
      const e = this.requireStatus(c, 'ISSUED', 'diterima / accepted');
      await this.audit.record(m, {
        action: 'evaluation.accept',
        entityType: 'Evaluation',
        entityId: e.id,
        before: { status: 'ISSUED' },
        after: { status: 'FINAL', predicate: e.predicate },
      });
      await this.toFinal(m, p, e, 'ACCEPT', null);
      return this.views.view(m, c.skp, c.p, e);
    });
  }

  async object(p: Principal, skpId: string, period: string, dto: ObjectionDto): Promise<EvaluationView> {
    return this.dataSource.transaction(async (m) => {
      const c = await this.load(m, p, skpId, period, true);
      this.requireRole(c, 'SELF');
      const e = this.requireStatus(c, 'ISSUED', 'diajukan keberatan / objected to');
      const now = this.clock.now();
      if (e.objectionDeadline && now.getTime() > new Date(e.objectionDeadline).getTime()) {
        throw conflict(
          `Batas waktu keberatan (${this.config.get('OBJECTION_WINDOW_DAYS')} hari sejak DEKP diterima) telah lewat pada ${new Date(e.objectionDeadline).toISOString()} / the objection window has closed`,
          [{ field: 'objectionDeadline', problem: `passed at ${new Date(e.objectionDeadline).toISOString()}` }],
        );
      }
      e.status = 'OBJECTED';
      e.objectionReason = dto.reason;
      e.objectedAt = now;
      e.version += 1;
      await m.getRepository(EvaluationEntity).save(e);
      await this.store.transition(m, p, e, 'ISSUED', 'OBJECTED', 'OBJECT', dto.reason);
      await this.audit.record(m, {
        action: 'evaluation.objection',
        entityType: 'Evaluation',
        entityId: e.id,
        before: { status: 'ISSUED' },
        after: { status: 'OBJECTED' },
        reason: dto.reason,
      });
      return this.views.view(m, c.skp, c.p, e);
    });
  }

  // ---- PPK ---------------------------------------------------------------------------------

  async rate(p: Principal, skpId: string, period: string, dto: RatingDto): Promise<EvaluationView> {
    return this.dataSource.transaction(async (m) => {
      const c = await this.load(m, p, skpId, period, true);
      this.requireRole(c, 'PPK');
      this.requireApproved(c.skp);
      this.requireStarted(c.p);
      requireRatable(c.p, this.clock.today(), this.config);
      const status = c.e?.status ?? 'DRAFT';
      if (!['DRAFT', 'SUBMITTED', 'RATED'].includes(status)) {
        throw conflict(
          `Evaluasi berstatus ${status}; penilaian hanya dapat diubah sebelum ditetapkan (ISSUED) / ratings can only change before the evaluation is issued`,
          [{ field: 'status', problem: `is ${status}` }],
        );
      }
      const results = await this.store.skpStore.results(m, c.skp.id);
      const behaviors = await this.store.skpStore.behaviors(m, c.skp.id);
      const feedback = this.feedbackRows(results, behaviors, dto);
      await this.requireFeedbackPerRhk(m, c, results, feedback);
      const snap = await this.org.snapshotById(c.skp.employeeId, c.refDate, m);
      if (!snap)
        throw unprocessable(
          `Pegawai tidak memiliki jabatan pada ${c.refDate} / the employee has no position on ${c.refDate}`,
        );
      const judged = await this.judge(
        m,
        { isUnitHead: snap.isUnitHead, ledUnitId: snap.unitId, unitCode: snap.unitCode },
        c.p,
        dto.resultRating,
        dto.behaviorRating,
      );
      const parentId = snap.isUnitHead ? ((await this.distribution.unitById(m, snap.unitId))?.parentId ?? null) : null;
      // Issue 8: a decided discipline/netralitas sanction in the period → a behaviour rating above DI_BAWAH_EKSPEKTASI needs a recorded justification.
      const discipline = await this.disciplineGuard.check(m, {
        employeeId: c.skp.employeeId,
        fromMonth: c.p.fromMonth,
        toMonth: c.p.toMonth,
        behaviorRating: dto.behaviorRating,
        justification: dto.behaviorJustification,
        subjectRef: `skp:${c.skp.id}:${c.p.period}`,
      });
      const e = c.e ?? (await this.store.ensure(m, c.skp, c.p));
      const before = this.ratingFacts(e);
      const from = e.status;
      Object.assign(e, {
        status: 'RATED',
        resultRating: judged.resultRating,
        behaviorRating: dto.behaviorRating,
        predicate: judged.predicate,
        explanation: judged.explanation,
        note: dto.note ?? null,
        ratedAt: this.clock.now(),
        ratedBy: p.kind === 'user' ? p.employeeId : null,
        ppkId: p.kind === 'user' ? p.employeeId : null,
        refDate: c.refDate,
        unitId: parentId ?? snap.unitId,
        isUnitHead: snap.isUnitHead,
        version: e.version + 1,
      });
      // One UPDATE (save() would first re-read the row it already holds locked).
      await m.getRepository(EvaluationEntity).update(
        { id: e.id },
        {
          status: e.status,
          resultRating: e.resultRating,
          behaviorRating: e.behaviorRating,
          predicate: e.predicate,
          explanation: e.explanation as object,
          note: e.note,
          ratedAt: e.ratedAt,
          ratedBy: e.ratedBy,
          ppkId: e.ppkId,
          refDate: e.refDate,
          unitId: e.unitId,
          isUnitHead: e.isUnitHead,
          version: e.version,
        },
      );
      await m.query(`DELETE FROM evaluation_feedback WHERE evaluation_id = $1`, [e.id]);
      if (feedback.length) {
        await m.query(
          `INSERT INTO evaluation_feedback (evaluation_id, target_kind, target, text) SELECT $1::uuid, k, t, x FROM unnest($2::text[], $3::text[], $4::text[]) AS f(k, t, x)`,
          [e.id, feedback.map((f) => f.kind), feedback.map((f) => f.target), feedback.map((f) => f.text)],
        );
      }
      await this.store.transition(m, p, e, from, 'RATED', from === 'RATED' ? 'RERATE' : 'RATE', null);
      await this.audit.record(m, {
        action: 'evaluation.rate',
        entityType: 'Evaluation',
        entityId: e.id,
        before,
        after: {
          ...this.ratingFacts(e),
          feedback,
          note: e.note,
          ...(discipline.justificationRecorded ? { behaviorJustification: dto.behaviorJustification } : {}),
        },
      });
      // The view from what this transaction already read/wrote (no second read of SKP parts, feedback, employee, unit).
      const view = await this.views.view(m, c.skp, c.p, e, {
        employee: { nip: snap.nip, name: snap.name },
        results,
        behaviors,
        feedback: feedback.map((f) => ({ targetKind: f.kind, target: f.target, text: f.text })),
        ...(e.unitId === snap.unitId ? { unitCode: snap.unitCode } : {}),
      });
      return discipline.warnings.length ? Object.assign(view, { warnings: discipline.warnings }) : view;
    });
  }

  async finalize(p: Principal, skpId: string, period: string, dto: FinalizeDto): Promise<EvaluationView> {
    return this.dataSource.transaction(async (m) => {
      const c = await this.load(m, p, skpId, period, true);
      this.requireRole(c, 'PPK');
      const e = this.requireStatus(c, 'RATED', 'ditetapkan / issued');
      requireRatable(c.p, this.clock.today(), this.config);
      const unitId = await this.distribution.distributionUnitId(m, e.unitId!, c.p.period);
      const report = await this.distribution.report(m, unitId, c.p);
      const justification = dto.justification?.trim() || null;
      if (!report.ok && !justification) {
        throw unprocessable(
          `Pola distribusi predikat unit ${report.unitCode} periode ${c.p.period} tidak terpenuhi: ${report.violations.map((v) => v.rule).join(', ')}. Berikan "justification" untuk tetap menetapkan / the unit distribution check fails; give a justification to proceed`,
          report.violations.map((v) => ({ field: 'distribution', problem: `${v.rule}: ${v.message}` })),
          { violations: report.violations.map((v) => ({ rule: v.rule, message: v.message })), distribution: report },
        );
      }
      const now = this.clock.now();
      e.snapshot = await this.store.snapshot(m, c.skp.employeeId, c.refDate);
      e.status = 'ISSUED';
      e.issuedAt = now;
      e.objectionDeadline = new Date(now.getTime() + this.config.get('OBJECTION_WINDOW_DAYS') * DAY_MS);
      e.distributionJustification = report.ok ? null : justification;
      e.distributionReport = report;
      e.version += 1;
      await m.getRepository(EvaluationEntity).save(e);
      await this.store.transition(m, p, e, 'RATED', 'ISSUED', 'FINALIZE', e.distributionJustification);
      await this.audit.record(m, {
        action: report.ok ? 'evaluation.finalize' : 'evaluation.finalize.distribution-override',
        entityType: 'Evaluation',
        entityId: e.id,
        before: { status: 'RATED' },
        after: {
          status: 'ISSUED',
          objectionDeadline: e.objectionDeadline.toISOString(),
          distribution: {
            unitCode: report.unitCode,
            orgPredicate: report.orgPredicate,
            counts: report.counts,
            ok: report.ok,
            violations: report.violations.map((v) => v.rule),
          },
        },
        reason: e.distributionJustification,
      });
      return this.views.view(m, c.skp, c.p, e);
    });
  }

  async explainObjection(
    p: Principal,
    skpId: string,
    period: string,
    dto: ObjectionExplanationDto,
  ): Promise<EvaluationView> {
    return this.dataSource.transaction(async (m) => {
      const c = await this.load(m, p, skpId, period, true);
      this.requireRole(c, 'PPK');
      const e = this.requireStatus(c, 'OBJECTED', 'dijelaskan / explained');
      const before = e.ppkExplanation;
      e.ppkExplanation = dto.text;
      e.version += 1;
      await m.getRepository(EvaluationEntity).save(e);
      await this.audit.record(m, {
        action: 'evaluation.objection.explanation',
        entityType: 'Evaluation',
        entityId: e.id,
        before: { ppkExplanation: before },
        after: { ppkExplanation: dto.text },
      });
      return this.views.view(m, c.skp, c.p, e);
    });
  }

  // ---- atasan PPK --------------------------------------------------------------------------

  async decide(p: Principal, skpId: string, period: string, dto: ObjectionDecisionDto): Promise<EvaluationView> {
    return this.dataSource.transaction(async (m) => {
      const c = await this.load(m, p, skpId, period, true);
      this.requireRole(c, 'ATASAN_PPK');
      const e = this.requireStatus(c, 'OBJECTED', 'diputuskan / decided');
      const judged = await this.judge(m, await this.headInfo(m, e), c.p, dto.resultRating, dto.behaviorRating);
      const before = this.ratingFacts(e);
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
      await m.getRepository(EvaluationEntity).save(e);
      // The decision is final; the unit's distribution is re-checked and reported (informational, §3.5).
      const unitId = await this.distribution.distributionUnitId(m, e.unitId!, c.p.period);
      e.decisionDistributionReport = await this.distribution.report(m, unitId, c.p);
      await this.audit.record(m, {
        action: 'evaluation.objection.decision',
        entityType: 'Evaluation',
        entityId: e.id,
        before,
        after: { ...this.ratingFacts(e), distributionOk: (e.decisionDistributionReport as DistributionReport).ok },
        reason: dto.decisionNote,
      });
      await this.toFinal(m, p, e, 'DECISION', dto.decisionNote);
      return this.views.view(m, c.skp, c.p, e);
    });
  }

  // ---- ADMIN -------------------------------------------------------------------------------

  async correct(p: Principal, skpId: string, period: string, dto: CorrectionDto): Promise<EvaluationView> {
    return this.dataSource.transaction(async (m) => {
      const c = await this.load(m, p, skpId, period, true);
      this.requireRole(c, 'ADMIN');
      const e = this.requireStatus(c, 'FINAL', 'dikoreksi / corrected');
      const judged = await this.judge(m, await this.headInfo(m, e), c.p, dto.resultRating, dto.behaviorRating);
      const before = this.ratingFacts(e);
      await m.query(
        `INSERT INTO evaluation_revisions (evaluation_id, revision, result_rating, behavior_rating, predicate, explanation, reason, created_by, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
        [
          e.id,
          e.revision,
          e.resultRating,
          e.behaviorRating,
          e.predicate,
          JSON.stringify(e.explanation ?? null),
          dto.reason,
          p.kind === 'user' ? p.nip : 'system',
          this.clock.now(),
        ],
      );
      Object.assign(e, {
        resultRating: judged.resultRating,
        behaviorRating: dto.behaviorRating,
        predicate: judged.predicate,
        explanation: judged.explanation,
        revision: e.revision + 1,
      });
      await this.audit.record(m, {
        action: 'evaluation.correction',
        entityType: 'Evaluation',
        entityId: e.id,
        before,
        after: this.ratingFacts(e),
        reason: dto.reason,
      });
      await this.toFinal(m, p, e, 'CORRECTION', dto.reason);
      return this.views.view(m, c.skp, c.p, e);
    });
  }

  // ---- background --------------------------------------------------------------------------

  /** Finalises ISSUED evaluations whose objection window has passed (spec 01 §11). Returns their ids. */
  async expireWindows(m: EntityManager, limit = 500): Promise<string[]> {
    // Set-based (at year end 100,000 windows close at once): per evaluation the same FINAL write, transition,
    // audit row and EvaluationFinalized event as toFinal, in five statements for the whole run.
    const now = this.clock.now();
    const rows: { id: string; revision: number }[] = await m.query(
      `SELECT id, revision FROM evaluations WHERE status = 'ISSUED' AND objection_deadline < $1
        ORDER BY objection_deadline LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    await m.query(
      `UPDATE evaluations SET status = 'FINAL', finalized_at = $2, finalized_by = 'EXPIRY', version = version + 1, updated_at = now()
        WHERE id = ANY($1::uuid[])`,
      [ids, now],
    );
    await this.store.transitions(
      m,
      rows.map((r) => ({ evaluationId: r.id, revision: r.revision })),
      {
        from: 'ISSUED',
        to: 'FINAL',
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

  // ---- helpers -----------------------------------------------------------------------------

  private load(m: EntityManager, p: Principal, skpId: string, period: string, lock: boolean): Promise<Ctx> {
    return this.access.load(m, p, skpId, period, lock);
  }

  private requireRole(c: Ctx, role: Relation): void {
    if (c.rel.has(role)) return;
    const who: Record<string, string> = {
      SELF: 'pegawai yang dinilai / the evaluated employee',
      PPK: 'Pejabat Penilai Kinerja pegawai / the employee’s PPK',
      ATASAN_PPK: 'atasan Pejabat Penilai Kinerja / the PPK’s superior',
      ADMIN: 'admin kepegawaian / an ADMIN',
    };
    throw forbidden(`Hanya ${who[role]} yang dapat melakukan ini`);
  }

  /** An APPROVED SKP, or a CLOSED one (its closing evaluation, spec 04 §1.3). */
  private requireApproved(skp: SkpEntity): void {
    this.access.requireApproved(skp);
  }

  private requireStarted(p: EvaluationPeriod): void {
    this.access.requireStarted(p);
  }

  private requireStatus(c: Ctx, status: string, verb: string): EvaluationEntity {
    const actual = c.e?.status ?? 'DRAFT';
    if (!c.e || actual !== status) {
      throw conflict(
        `Evaluasi berstatus ${actual}; hanya evaluasi ${status} yang dapat ${verb.split(' / ')[0]} / only a ${status} evaluation can be ${verb.split(' / ')[1]}`,
        [{ field: 'status', problem: `is ${actual}, must be ${status}` }],
      );
    }
    return c.e;
  }

  private async headInfo(
    m: EntityManager,
    e: EvaluationEntity,
  ): Promise<{ isUnitHead: boolean; ledUnitId: string | null; unitCode: string }> {
    if (!e.isUnitHead) return { isUnitHead: false, ledUnitId: null, unitCode: '' };
    const snap = e.snapshot as { employee?: { unitId: string; unitCode: string } } | null;
    const led = snap?.employee?.unitId ?? (await this.views.ledUnitId(m, e, e.refDate!));
    const code = snap?.employee?.unitCode ?? (led ? ((await this.distribution.unitById(m, led))?.code ?? '') : '');
    return { isUnitHead: true, ledUnitId: led, unitCode: code };
  }

  /** Predicate from the rules: the 3×3 matrix, or for a unit head the unit-head rule (§9). */
  private async judge(
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

  private feedbackRows(
    results: { id: string }[],
    behaviors: { coreValue: string }[],
    dto: RatingDto,
  ): { kind: 'RESULT' | 'CORE_VALUE'; target: string; text: string }[] {
    const resultIds = new Set(results.map((r) => r.id));
    const values = new Set(behaviors.map((b) => b.coreValue));
    const problems: ErrorDetail[] = [];
    const out: { kind: 'RESULT' | 'CORE_VALUE'; target: string; text: string }[] = [];
    const seen = new Set<string>();
    (dto.feedback ?? []).forEach((f, i) => {
      if ((f.resultId === undefined) === (f.coreValue === undefined)) {
        problems.push({ field: `feedback[${i}]`, problem: 'give exactly one of resultId or coreValue' });
        return;
      }
      const kind = f.resultId ? 'RESULT' : 'CORE_VALUE';
      const target = (f.resultId ?? f.coreValue)!;
      if (kind === 'RESULT' && !resultIds.has(target))
        problems.push({
          field: `feedback[${i}].resultId`,
          problem: 'bukan RHK dari SKP ini / not a result of this SKP',
        });
      if (kind === 'CORE_VALUE' && !values.has(target))
        problems.push({ field: `feedback[${i}].coreValue`, problem: 'not a core value of this SKP' });
      if (seen.has(`${kind}:${target}`))
        problems.push({ field: `feedback[${i}]`, problem: 'duplicate feedback target' });
      seen.add(`${kind}:${target}`);
      out.push({ kind, target, text: f.text });
    });
    if (problems.length) throw badRequest('Data tidak valid / invalid input', problems);
    return out;
  }

  /** feedback.requirePerRhk (spec 04 §2.1): every UTAMA RHK needs feedback, in the rating or the period's log. */
  private async requireFeedbackPerRhk(
    m: EntityManager,
    c: Ctx,
    results: { id: string; kind: string }[],
    given: { kind: string; target: string }[],
  ): Promise<void> {
    if (this.config.get('FEEDBACK_REQUIRE_PER_RHK') !== 'true') return;
    const log = await this.plans.latestFeedback(m, c.skp.id, c.p.period);
    const missing = results
      .map((r, i) => ({ r, i }))
      .filter(({ r }) => r.kind === 'UTAMA')
      .filter(({ r }) => !given.some((f) => f.kind === 'RESULT' && f.target === r.id) && !log.has(`RESULT:${r.id}`));
    if (missing.length)
      throw unprocessable(
        'Setiap RHK utama perlu umpan balik pada periode ini / every UTAMA result needs feedback in the period',
        missing.map(({ i }) => ({ field: `results[${i}]`, problem: 'no feedback (feedback.requirePerRhk)' })),
      );
  }

  private ratingFacts(e: EvaluationEntity) {
    return {
      status: e.status,
      resultRating: e.resultRating,
      behaviorRating: e.behaviorRating,
      predicate: e.predicate,
      revision: e.revision,
    };
  }

  /** → FINAL, with the EvaluationFinalized fact in the same transaction (consumed by the AK, allowance and outcome jobs). */
  private async toFinal(
    m: EntityManager,
    p: Principal | undefined,
    e: EvaluationEntity,
    by: FinalizedBy,
    reason: string | null,
  ): Promise<void> {
    const from = e.status;
    e.status = 'FINAL';
    e.finalizedAt = this.clock.now();
    e.finalizedBy = by;
    e.version += 1;
    await m.getRepository(EvaluationEntity).save(e);
    await this.store.transition(m, p, e, from, 'FINAL', by, reason);
    await this.outbox.add(m, {
      type: 'EvaluationFinalized',
      aggregateType: 'Evaluation',
      aggregateId: e.id,
      payload: { evaluationId: e.id, revision: e.revision },
      dedupeKey: `evaluation-finalized:${e.id}:${e.revision}`,
    });
  }
}
