import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { badRequest, conflict, ErrorDetail } from '../common/api-error';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { TransactionHost, type TxHost } from '../database/transaction';
import { Principal } from '../identity/principal';
import { ObjectionDto, RealizationsDto } from './dto/evaluation.dto';
import { EvaluationAccess } from './evaluation-access';
import { EVALUATION_TRANSITIONS, nextStatus, type EvaluationStatus } from './evaluation-status';
import { EvaluationStore } from './evaluation-store';
import { EvaluationView, EvaluationViews } from './evaluation-views';
import { EvaluationWorkflow } from './evaluation-workflow.service';
import { EvaluationRepository } from './evaluation.repository';

/** The evaluated employee's steps: realisations, accepting the issued evaluation, or a keberatan (spec 01 §6, §11). */
@Injectable()
export class EmployeeEvaluationService {
  constructor(
    @Inject(TransactionHost) private readonly txHost: TxHost,
    private readonly w: EvaluationWorkflow,
    private readonly repo: EvaluationRepository,
    private readonly store: EvaluationStore,
    private readonly views: EvaluationViews,
    private readonly access: EvaluationAccess,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async putRealizations(p: Principal, skpId: string, period: string, dto: RealizationsDto): Promise<EvaluationView> {
    return this.txHost.withTransaction(async () => {
      const m = this.txHost.tx;
      const c = await this.w.load(m, p, skpId, period, true);
      this.w.requireRole(c, 'SELF');
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
      await this.repo.replaceRealizations(e.id, dto.items, this.clock.now());
      const from = e.status;
      const next = nextStatus(from as EvaluationStatus, 'SUBMIT_REALIZATION');
      if (next) {
        e.status = next;
        await this.store.transition(m, p, e, from, 'SUBMITTED', 'SUBMIT_REALIZATION', null);
      }
      e.version += 1;
      await this.repo.save(e);
      await this.audit.record({
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
    return this.txHost.withTransaction(async () => {
      const m = this.txHost.tx;
      const c = await this.w.load(m, p, skpId, period, true);
      this.w.requireRole(c, 'SELF');
      const e = this.w.requireStatus(c, 'ACCEPT', 'diterima / accepted');
      await this.audit.record({
        action: 'evaluation.accept',
        entityType: 'Evaluation',
        entityId: e.id,
        before: { status: 'ISSUED' },
        after: { status: 'FINAL', predicate: e.predicate },
      });
      await this.w.toFinal(m, p, e, 'ACCEPT', null);
      return this.views.view(m, c.skp, c.p, e);
    });
  }

  async object(p: Principal, skpId: string, period: string, dto: ObjectionDto): Promise<EvaluationView> {
    return this.txHost.withTransaction(async () => {
      const m = this.txHost.tx;
      const c = await this.w.load(m, p, skpId, period, true);
      this.w.requireRole(c, 'SELF');
      const e = this.w.requireStatus(c, 'OBJECT', 'diajukan keberatan / objected to');
      const now = this.clock.now();
      if (e.objectionDeadline && now.getTime() > new Date(e.objectionDeadline).getTime()) {
        throw conflict(
          `Batas waktu keberatan (${this.config.get('OBJECTION_WINDOW_DAYS')} hari sejak DEKP diterima) telah lewat pada ${new Date(e.objectionDeadline).toISOString()} / the objection window has closed`,
          [{ field: 'objectionDeadline', problem: `passed at ${new Date(e.objectionDeadline).toISOString()}` }],
        );
      }
      e.status = EVALUATION_TRANSITIONS.OBJECT.to;
      e.objectionReason = dto.reason;
      e.objectedAt = now;
      e.version += 1;
      await this.repo.save(e);
      await this.store.transition(m, p, e, 'ISSUED', 'OBJECTED', 'OBJECT', dto.reason);
      await this.audit.record({
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
}
