import assert from 'node:assert';
import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { AccessPolicy } from '../authz/access-policy';
import {
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  UnprocessableError,
} from '../common/domain-errors';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { TransactionHost, type TxHost } from '../database/transaction';
import { Principal } from '../identity/principal';
import { OrgDirectory } from '../org/org-directory.service';
import { SkpEntity } from '../skp/entities/skp.entity';
import { SkpAccess } from '../skp/skp-access.service';
import { SkpContentRepository } from '../skp/skp-content.repository';
import { segmentReferenceDate } from '../skp/skp.enums';
import { ActionPlansRepository, ActionPlanView, FeedbackRow, FeedbackView } from './action-plans.repository';
import { ActionPlansDto, ActionPlanUpdateDto, FeedbackEntryDto, ProgressDto } from './dto/action-plan.dto';
import { Granularity, parsePlanPeriod, PlanPeriod } from './plan-periods.util';

export interface ActionPlanList {
  skpId: string;
  granularity: Granularity;
  period: string | null;
  items: ActionPlanView[];
}

const invalid = 'Data tidak valid / invalid input';

/**
 * Rencana aksi per RHK per period and umpan balik berkelanjutan (spec 04 §2.1): the employee writes
 * the period's rencana aksi on an APPROVED SKP and logs progress with bukti dukung; the PPK agrees them
 * and writes feedback (append-only) per RHK, rencana aksi or core value during the period.
 */
@Injectable()
export class ActionPlansService {
  constructor(
    @Inject(TransactionHost) private readonly txHost: TxHost,
    private readonly repo: ActionPlansRepository,
    private readonly access: SkpAccess,
    private readonly policy: AccessPolicy,
    private readonly skps: SkpContentRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly org: OrgDirectory,
  ) {}

  granularity(): Granularity {
    return this.config.get('RENCANA_AKSI_GRANULARITY');
  }

  async list(p: Principal, skpId: string, period: string | undefined): Promise<ActionPlanList> {
    const skp = await this.skps.header(skpId);
    await this.access.visible(p, skp);
    if (period) this.planPeriod(skp, period);
    return {
      skpId,
      granularity: this.granularity(),
      period: period ?? null,
      items: await this.repo.plans(skpId, period ?? null),
    };
  }

  async put(p: Principal, skpId: string, period: string, dto: ActionPlansDto): Promise<ActionPlanList> {
    return this.txHost.withTransaction(async () => {
      const skp = await this.skps.header(skpId, true);
      await this.access.requireActor(p, skp, 'SELF');
      this.requireApproved(skp);
      this.planPeriod(skp, period);
      const before = await this.repo.plans(skpId, period);
      if (before.some((x) => x.status === 'AGREED'))
        throw new ConflictError(`Rencana aksi ${period} sudah disepakati PPK / the period's rencana aksi are agreed`, [
          { field: 'period', problem: 'AGREED rencana aksi cannot be replaced' },
        ]);
      const results = new Set((await this.skps.results(skpId)).map((r) => r.id));
      const problems = dto.items.flatMap((it, i) =>
        results.has(it.resultId)
          ? []
          : [{ field: `items[${i}].resultId`, problem: 'bukan RHK dari SKP ini / not a result of this SKP' }],
      );
      if (problems.length) throw new InvalidInputError(invalid, problems);
      await this.repo.replace(skpId, period, dto.items);
      const after = await this.repo.plans(skpId, period);
      await this.audit.record({
        action: 'skp.action-plans',
        entityType: 'Skp',
        entityId: skpId,
        before: { period, items: before.map((x) => ({ resultId: x.resultId, text: x.text, target: x.target })) },
        after: { period, items: dto.items },
      });
      return { skpId, granularity: this.granularity(), period, items: after };
    });
  }

  async agree(p: Principal, skpId: string, period: string): Promise<ActionPlanList> {
    return this.txHost.withTransaction(async () => {
      const skp = await this.skps.header(skpId, true);
      await this.access.requireActor(p, skp, 'PPK');
      this.planPeriod(skp, period);
      const n = await this.repo.agree(skpId, period, p.kind === 'user' ? p.employeeId : null, this.clock.now());
      if (n === 0)
        throw new ConflictError(`Tidak ada rencana aksi ${period} yang menunggu persetujuan / nothing to agree`, [
          { field: 'period', problem: 'no DRAFT rencana aksi in the period' },
        ]);
      await this.audit.record({
        action: 'skp.action-plans.agree',
        entityType: 'Skp',
        entityId: skpId,
        after: { period, agreed: n },
      });
      return { skpId, granularity: this.granularity(), period, items: await this.repo.plans(skpId, period) };
    });
  }

  async addProgress(
    p: Principal,
    skpId: string,
    period: string,
    planId: string,
    dto: ProgressDto,
  ): Promise<ActionPlanView> {
    return this.txHost.withTransaction(async () => {
      const { skp, plan } = await this.ownPlan(p, skpId, period, planId);
      const pp = this.planPeriod(skp, period);
      const from = pp.start > skp.periodStart ? pp.start : skp.periodStart;
      const to = pp.end < skp.periodEnd ? pp.end : skp.periodEnd;
      if (dto.date < from || dto.date > to)
        throw new UnprocessableError(
          `Tanggal progres harus dalam ${from} s.d. ${to} / the date lies outside the period`,
          [{ field: 'date', problem: `must lie in ${from}…${to}` }],
        );
      if (dto.start && dto.end && dto.end < dto.start)
        throw new InvalidInputError(invalid, [{ field: 'end', problem: 'must not be before start' }]);
      await this.repo.addProgress(plan.id, dto);
      await this.audit.record({
        action: 'skp.action-plans.progress',
        entityType: 'Skp',
        entityId: skpId,
        after: { planId, ...dto },
      });
      return this.planAfterWrite(skpId, period, planId);
    });
  }

  async update(
    p: Principal,
    skpId: string,
    period: string,
    planId: string,
    dto: ActionPlanUpdateDto,
  ): Promise<ActionPlanView> {
    return this.txHost.withTransaction(async () => {
      const { plan } = await this.ownPlan(p, skpId, period, planId);
      if (dto.realisasi !== undefined && dto.realisasi !== null && !dto.reason)
        throw new InvalidInputError(invalid, [{ field: 'reason', problem: 'is required when overriding realisasi' }]);
      await this.repo.update(
        plan.id,
        {
          ...(dto.realisasi !== undefined
            ? { override: dto.realisasi, reason: dto.realisasi === null ? null : dto.reason }
            : {}),
          ...(dto.evidenceUrls ? { evidenceUrls: dto.evidenceUrls } : {}),
          ...(dto.narrative !== undefined ? { narrative: dto.narrative } : {}),
        },
        this.clock.now(),
      );
      const after = await this.planAfterWrite(skpId, period, planId);
      await this.audit.record({
        action: 'skp.action-plans.update',
        entityType: 'Skp',
        entityId: skpId,
        before: {
          planId,
          realisasi: plan.realisasi,
          overridden: plan.realisasiOverridden,
          evidenceUrls: plan.evidenceUrls,
        },
        after: {
          planId,
          realisasi: after.realisasi,
          overridden: after.realisasiOverridden,
          evidenceUrls: after.evidenceUrls,
        },
        reason: dto.reason ?? null,
      });
      return after;
    });
  }

  /** The PPK (or atasan PPK) of the SKP's segment writes feedback during the period; append-only. */
  async addFeedback(p: Principal, skpId: string, dto: FeedbackEntryDto): Promise<FeedbackView> {
    return this.txHost.withTransaction(async () => {
      const skp = await this.skps.header(skpId);
      const rel = await this.policy.require(
        p,
        skp.employeeId,
        this.refDate(skp),
        ['ADMIN', 'SELF', 'PPK', 'ATASAN_PPK'],
        'SKP',
      );
      if (p.kind !== 'user' || !p.employeeId || (!rel.has('PPK') && !rel.has('ATASAN_PPK')))
        throw new ForbiddenError(
          'Umpan balik ditulis oleh PPK atau atasan PPK / only the PPK or the atasan PPK writes feedback',
        );
      this.requireApproved(skp);
      if (!dto.period.startsWith(String(skp.year)))
        throw new InvalidInputError(invalid, [{ field: 'period', problem: `must be a period of ${skp.year}` }]);
      const given = [dto.resultId, dto.actionPlanId, dto.coreValue].filter((x) => x !== undefined);
      if (given.length !== 1)
        throw new InvalidInputError(invalid, [
          { field: 'resultId', problem: 'give exactly one of resultId, actionPlanId, coreValue' },
        ]);
      const kind = dto.resultId ? 'RESULT' : dto.actionPlanId ? 'ACTION_PLAN' : 'CORE_VALUE';
      const target = given[0];
      const known =
        kind === 'RESULT'
          ? (await this.skps.results(skpId)).some((r) => r.id === target)
          : kind === 'ACTION_PLAN'
            ? (await this.repo.plans(skpId, null)).some((x) => x.id === target)
            : (await this.skps.behaviors(skpId)).some((b) => b.coreValue === target);
      if (!known)
        throw new InvalidInputError(invalid, [
          {
            field: kind === 'RESULT' ? 'resultId' : kind === 'ACTION_PLAN' ? 'actionPlanId' : 'coreValue',
            problem: 'not part of this SKP',
          },
        ]);
      const role = rel.has('PPK') ? 'PPK' : 'ATASAN_PPK';
      const id = await this.repo.addFeedback({
        skpId,
        period: dto.period,
        kind,
        target,
        authorId: p.employeeId,
        role,
        text: dto.text,
      });
      await this.audit.record({
        action: 'skp.feedback',
        entityType: 'Skp',
        entityId: skpId,
        after: { id, period: dto.period, kind, target, role },
      });
      const written = (await this.withAuthors(await this.repo.feedback(skpId, dto.period))).find((f) => f.id === id);
      assert(written, 'the feedback row written in this transaction is read back');
      return written;
    });
  }

  async feedback(
    p: Principal,
    skpId: string,
    period: string | undefined,
  ): Promise<{ skpId: string; items: FeedbackView[] }> {
    const skp = await this.skps.header(skpId);
    await this.policy.require(p, skp.employeeId, this.refDate(skp), ['ADMIN', 'SELF', 'PPK', 'ATASAN_PPK'], 'SKP');
    return { skpId, items: await this.withAuthors(await this.repo.feedback(skpId, period ?? null)) };
  }

  /** The plan as stored after a write of this transaction. */
  private async planAfterWrite(skpId: string, period: string, planId: string): Promise<ActionPlanView> {
    const plan = (await this.repo.plans(skpId, period)).find((x) => x.id === planId);
    assert(plan, 'the plan written in this transaction is read back');
    return plan;
  }

  /** The log rows with their authors' NIP and name. */
  private async withAuthors(rows: FeedbackRow[]): Promise<FeedbackView[]> {
    const people = await this.org.people([...new Set(rows.map((r) => r.authorId))]);
    return rows.map((r) => {
      const author = people.get(r.authorId);
      // Feedback authors are employees (a foreign key): the org directory knows every one.
      assert(author, `author ${r.authorId} of feedback ${r.id} is an employee`);
      return {
        id: r.id,
        period: r.period,
        targetKind: r.targetKind,
        target: r.target,
        authorNip: author.nip,
        authorName: author.name,
        authorRole: r.authorRole,
        text: r.text,
        createdAt: r.createdAt,
      };
    });
  }

  private refDate(skp: SkpEntity): string {
    return segmentReferenceDate(skp, this.clock.today());
  }

  private async ownPlan(p: Principal, skpId: string, period: string, planId: string) {
    const skp = await this.skps.header(skpId, true);
    await this.access.requireActor(p, skp, 'SELF');
    this.requireApproved(skp);
    const plan = (await this.repo.plans(skpId, period)).find((x) => x.id === planId);
    if (!plan) throw new NotFoundError('Rencana aksi');
    return { skp, plan };
  }

  private requireApproved(skp: SkpEntity): void {
    if (skp.status !== 'APPROVED')
      throw new ConflictError(
        `SKP berstatus ${skp.status}; rencana aksi hanya untuk SKP yang berjalan / needs an APPROVED SKP`,
        [{ field: 'skp.status', problem: `is ${skp.status}, must be APPROVED` }],
      );
  }

  /** A plan period of the configured granularity, in the SKP's year and meeting its dates. */
  private planPeriod(skp: SkpEntity, period: string): PlanPeriod {
    const g = this.granularity();
    const pp = parsePlanPeriod(period, g);
    if (!pp || pp.year !== skp.year)
      throw new InvalidInputError(invalid, [
        {
          field: 'period',
          problem: `must be ${g === 'QUARTER' ? `${skp.year}-Q1..${skp.year}-Q4` : `${skp.year}-01..${skp.year}-12`} (rencanaAksi.granularity ${g}; the annual period has none)`,
        },
      ]);
    if (pp.end < skp.periodStart || pp.start > skp.periodEnd)
      throw new UnprocessableError(`Periode ${period} di luar masa SKP ini / the period lies outside this SKP`, [
        { field: 'period', problem: `outside ${skp.periodStart}…${skp.periodEnd}` },
      ]);
    return pp;
  }
}
