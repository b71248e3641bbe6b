import { Injectable } from '@nestjs/common';
import { ConflictError, UnprocessableError, InvalidInputError, type ErrorDetail } from '../common/domain-errors';
import { DisciplineRatingGuard } from '../discipline/discipline-rating-guard.service';
import { actorLabel, Principal } from '../identity/principal';
import { FinalizeDto, ObjectionExplanationDto, RatingDto } from './dto/evaluation.dto';
import { EvaluationCtx } from './evaluation-access.service';
import { EVALUATION_TRANSITIONS, ratable, type EvaluationStatus } from './evaluation-status.util';
import { EvaluationView } from './evaluation-views.service';
import { EvaluationWorkflow, ratedFact } from './evaluation-workflow.service';
import { requireRatable } from './period-guard.util';

const DAY_MS = 24 * 3600 * 1000;

type Ctx = EvaluationCtx;

/** The PPK's steps: rating (predicate from the rules), issuing (distribution checked), explaining a keberatan. */
@Injectable()
export class PpkEvaluationService {
  constructor(
    private readonly w: EvaluationWorkflow,
    private readonly disciplineGuard: DisciplineRatingGuard,
  ) {}

  async rate(p: Principal, skpId: string, period: string, dto: RatingDto): Promise<EvaluationView> {
    return this.w.ratingStep(p, skpId, period, async (c) => {
      this.w.access.requireApproved(c.skp);
      this.w.access.requireStarted(c.p);
      requireRatable(c.p, this.w.clock.today(), this.w.config);
      const status = (c.e?.status ?? 'DRAFT') as EvaluationStatus;
      if (!ratable(status)) {
        throw new ConflictError(
          `Evaluasi berstatus ${status}; penilaian hanya dapat diubah sebelum ditetapkan (ISSUED) / ratings can only change before the evaluation is issued`,
          [{ field: 'status', problem: `is ${status}` }],
        );
      }
      const { results, behaviors } = c.content;
      const feedback = this.feedbackRows(results, behaviors, dto);
      this.requireFeedbackPerRhk(c, results, feedback);
      const snap = c.subject;
      if (!snap)
        throw new UnprocessableError(
          `Pegawai tidak memiliki jabatan pada ${c.refDate} / the employee has no position on ${c.refDate}`,
        );
      const judged = await this.w.judge(
        { isUnitHead: snap.isUnitHead, ledUnitId: snap.unitId, unitCode: snap.unitCode },
        c.p,
        dto.resultRating,
        dto.behaviorRating,
      );
      const parentId = snap.isUnitHead ? ((await this.w.distribution.unitById(snap.unitId))?.parentId ?? null) : null;
      // Issue 8: a decided discipline/netralitas sanction in the period → a behaviour rating above DI_BAWAH_EKSPEKTASI needs a recorded justification.
      // c.read.sanctions: read with the evaluation when the fitted period has the calendar period's months.
      const discipline = await this.disciplineGuard.check(
        {
          employeeId: c.skp.employeeId,
          fromMonth: c.p.fromMonth,
          toMonth: c.p.toMonth,
          behaviorRating: dto.behaviorRating,
          justification: dto.behaviorJustification,
          subjectRef: `skp:${c.skp.id}:${c.p.period}`,
        },
        c.read.sanctions,
      );
      const e = c.e ?? (await this.w.repo.ensure(c.skp, c.p));
      const before = this.w.ratingFacts(e);
      const from = e.status;
      Object.assign(e, {
        status: EVALUATION_TRANSITIONS.RATE.to,
        resultRating: judged.resultRating,
        behaviorRating: dto.behaviorRating,
        predicate: judged.predicate,
        explanation: judged.explanation,
        note: dto.note ?? null,
        ratedAt: this.w.clock.now(),
        ratedBy: p.kind === 'user' ? p.employeeId : null,
        ppkId: p.kind === 'user' ? p.employeeId : null,
        refDate: c.refDate,
        unitId: parentId ?? snap.unitId,
        isUnitHead: snap.isUnitHead,
        version: e.version + 1,
      });
      // The rating, its feedback, the transition and the audit row in one statement.
      const transition = {
        from,
        to: 'RATED',
        action: from === 'RATED' ? 'RERATE' : 'RATE',
        actor: actorLabel(p).actor,
        at: this.w.clock.now(),
      };
      const audit = this.w.audit.part({
        action: 'evaluation.rate',
        entityType: 'Evaluation',
        entityId: e.id,
        before,
        after: {
          ...this.w.ratingFacts(e),
          feedback,
          note: e.note,
          ...(discipline.justificationRecorded ? { behaviorJustification: dto.behaviorJustification } : {}),
        },
      });
      const unitPredicate = await this.w.repo.saveRating(e, feedback, transition, audit);
      // The view from what this transaction already read/wrote (no second read of SKP parts, realisations,
      // transitions, feedback, employee, unit).
      const view = await this.w.views.view(c.skp, c.p, e, {
        employee: { nip: snap.nip, name: snap.name },
        results,
        behaviors,
        feedback: feedback.map((f) => ({ targetKind: f.kind, target: f.target, text: f.text })),
        realizations: c.read.realizations,
        feedbackLog: c.read.feedbackLog,
        unitPredicate,
        history: [
          ...c.read.history,
          {
            from,
            to: transition.to,
            action: transition.action,
            actor: transition.actor,
            reason: null,
            revision: e.revision,
            at: transition.at.toISOString(),
          },
        ],
        ...(e.unitId === snap.unitId ? { unitCode: snap.unitCode } : {}),
      });
      return discipline.warnings.length ? Object.assign(view, { warnings: discipline.warnings }) : view;
    });
  }

  async finalize(p: Principal, skpId: string, period: string, dto: FinalizeDto): Promise<EvaluationView> {
    return this.w.step(p, skpId, period, 'PPK', async (c) => {
      const e = this.w.requireStatus(c, 'FINALIZE', 'ditetapkan / issued');
      requireRatable(c.p, this.w.clock.today(), this.w.config);
      const unitId = await this.w.distribution.distributionUnitId(ratedFact(e.unitId, 'unitId'), c.p.period);
      const report = await this.w.distribution.report(unitId, c.p);
      const justification = dto.justification?.trim() || null;
      if (!report.ok && !justification) {
        throw new UnprocessableError(
          `Pola distribusi predikat unit ${report.unitCode} periode ${c.p.period} tidak terpenuhi: ${report.violations.map((v) => v.rule).join(', ')}. Berikan "justification" untuk tetap menetapkan / the unit distribution check fails; give a justification to proceed`,
          report.violations.map((v) => ({ field: 'distribution', problem: `${v.rule}: ${v.message}` })),
          {
            extra: {
              violations: report.violations.map((v) => ({ rule: v.rule, message: v.message })),
              distribution: report,
            },
          },
        );
      }
      const now = this.w.clock.now();
      e.snapshot = await this.w.lookup.snapshot(c.skp.employeeId, c.refDate);
      e.status = EVALUATION_TRANSITIONS.FINALIZE.to;
      e.issuedAt = now;
      e.objectionDeadline = new Date(now.getTime() + this.w.config.get('OBJECTION_WINDOW_DAYS') * DAY_MS);
      e.distributionJustification = report.ok ? null : justification;
      e.distributionReport = report;
      e.version += 1;
      await this.w.repo.save(e);
      await this.w.transition(p, e, 'RATED', 'ISSUED', 'FINALIZE', e.distributionJustification);
      await this.w.audit.record({
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
      return this.w.views.view(c.skp, c.p, e);
    });
  }

  async explainObjection(
    p: Principal,
    skpId: string,
    period: string,
    dto: ObjectionExplanationDto,
  ): Promise<EvaluationView> {
    return this.w.step(p, skpId, period, 'PPK', async (c) => {
      const e = this.w.requireStatus(c, 'EXPLAIN', 'dijelaskan / explained');
      const before = e.ppkExplanation;
      e.ppkExplanation = dto.text;
      e.version += 1;
      await this.w.repo.save(e);
      await this.w.audit.record({
        action: 'evaluation.objection.explanation',
        entityType: 'Evaluation',
        entityId: e.id,
        before: { ppkExplanation: before },
        after: { ppkExplanation: dto.text },
      });
      return this.w.views.view(c.skp, c.p, e);
    });
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
      const target = f.resultId ?? f.coreValue;
      if (target === undefined || (f.resultId !== undefined && f.coreValue !== undefined)) {
        problems.push({ field: `feedback[${i}]`, problem: 'give exactly one of resultId or coreValue' });
        return;
      }
      const kind = f.resultId ? 'RESULT' : 'CORE_VALUE';
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
    if (problems.length) throw new InvalidInputError('Data tidak valid / invalid input', problems);
    return out;
  }

  private requireFeedbackPerRhk(
    c: Ctx,
    results: { id: string; kind: string }[],
    given: { kind: string; target: string }[],
  ): void {
    if (this.w.config.get('FEEDBACK_REQUIRE_PER_RHK') !== 'true') return;
    const log = c.read.feedbackLog;
    const missing = results
      .map((r, i) => ({ r, i }))
      .filter(({ r }) => r.kind === 'UTAMA')
      .filter(({ r }) => !given.some((f) => f.kind === 'RESULT' && f.target === r.id) && !log.has(`RESULT:${r.id}`));
    if (missing.length)
      throw new UnprocessableError(
        'Setiap RHK utama perlu umpan balik pada periode ini / every UTAMA result needs feedback in the period',
        missing.map(({ i }) => ({ field: `results[${i}]`, problem: 'no feedback (feedback.requirePerRhk)' })),
      );
  }
}
