import { Injectable } from '@nestjs/common';
import { InvalidInputError, ConflictError, type ErrorDetail } from '../common/domain-errors';
import { Principal } from '../identity/principal';
import { SkpContentRepository } from '../skp/skp-content.repository';
import { ObjectionDto, RealizationsDto } from './dto/evaluation.dto';
import { EVALUATION_TRANSITIONS, nextStatus, type EvaluationStatus } from './evaluation-status.util';
import { EvaluationView } from './evaluation-views.service';
import { EvaluationWorkflow } from './evaluation-workflow.service';

/** The evaluated employee's steps: realisations, accepting the issued evaluation, or a keberatan (spec 01 §6, §11). */
@Injectable()
export class EmployeeEvaluationService {
  constructor(
    private readonly w: EvaluationWorkflow,
    private readonly skps: SkpContentRepository,
  ) {}

  async putRealizations(p: Principal, skpId: string, period: string, dto: RealizationsDto): Promise<EvaluationView> {
    return this.w.step(p, skpId, period, 'SELF', async (c) => {
      this.w.access.requireAcceptsRealizations(c);
      const results = await this.skps.results(c.skp.id);
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
      if (problems.length) throw new InvalidInputError('Data tidak valid / invalid input', problems);
      const e = c.e ?? (await this.w.repo.ensure(c.skp, c.p));
      const before = await this.w.parts.realizations(e.id);
      await this.w.parts.replaceRealizations(e.id, dto.items, this.w.clock.now());
      const from = e.status;
      const next = nextStatus(from as EvaluationStatus, 'SUBMIT_REALIZATION');
      if (next) {
        e.status = next;
        await this.w.transition(p, e, from, 'SUBMITTED', 'SUBMIT_REALIZATION', null);
      }
      e.version += 1;
      await this.w.repo.save(e);
      await this.w.audit.record({
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
      return this.w.views.view(c.skp, c.p, e);
    });
  }

  async accept(p: Principal, skpId: string, period: string): Promise<EvaluationView> {
    return this.w.step(p, skpId, period, 'SELF', async (c) => {
      const e = this.w.requireStatus(c, 'ACCEPT', 'diterima / accepted');
      await this.w.audit.record({
        action: 'evaluation.accept',
        entityType: 'Evaluation',
        entityId: e.id,
        before: { status: 'ISSUED' },
        after: { status: 'FINAL', predicate: e.predicate },
      });
      await this.w.toFinal(p, e, 'ACCEPT', null);
      return this.w.views.view(c.skp, c.p, e);
    });
  }

  async object(p: Principal, skpId: string, period: string, dto: ObjectionDto): Promise<EvaluationView> {
    return this.w.step(p, skpId, period, 'SELF', async (c) => {
      const e = this.w.requireStatus(c, 'OBJECT', 'diajukan keberatan / objected to');
      const now = this.w.clock.now();
      if (e.objectionDeadline && now.getTime() > new Date(e.objectionDeadline).getTime()) {
        throw new ConflictError(
          `Batas waktu keberatan (${this.w.config.get('OBJECTION_WINDOW_DAYS')} hari sejak DEKP diterima) telah lewat pada ${new Date(e.objectionDeadline).toISOString()} / the objection window has closed`,
          [{ field: 'objectionDeadline', problem: `passed at ${new Date(e.objectionDeadline).toISOString()}` }],
        );
      }
      e.status = EVALUATION_TRANSITIONS.OBJECT.to;
      e.objectionReason = dto.reason;
      e.objectedAt = now;
      e.version += 1;
      await this.w.repo.save(e);
      await this.w.transition(p, e, 'ISSUED', 'OBJECTED', 'OBJECT', dto.reason);
      await this.w.audit.record({
        action: 'evaluation.objection',
        entityType: 'Evaluation',
        entityId: e.id,
        before: { status: 'ISSUED' },
        after: { status: 'OBJECTED' },
        reason: dto.reason,
      });
      return this.w.views.view(c.skp, c.p, e);
    });
  }
}
