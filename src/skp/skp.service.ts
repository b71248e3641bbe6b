import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { ConflictError, ForbiddenError, InvalidInputError, UnprocessableError } from '../common/domain-errors';
import { TransactionHost, type TxHost } from '../database/transaction';
import { actorLabel, Principal } from '../identity/principal';
import { noPpkError, unlinkedMessage } from '../org/ppk-rules.util';
import { CreateSkpDto, RejectSkpDto, UpdateSkpDto } from './dto/skp.dto';
import { SkpEntity } from './entities/skp.entity';
import { SkpAccess } from './skp-access.service';
import { contentShapeProblems, submitProblems } from './skp-content.util';
import { SkpOrg } from './skp-org.service';
import { SkpQueries, SkpView } from './skp-queries.service';
import { SkpContentRepository } from './skp-content.repository';
import { SkpSegmentPlanner } from './skp-segment-planner.service';
import { SkpRepository } from './skp.repository';
import { formTypeFor, SkpApproach, SkpFormType, SkpStatus } from './skp.enums';

const invalid = 'Data tidak valid / invalid input';

/**
 * SKP planning workflow (spec 01 §3.4): create → DRAFT ⇄ SUBMITTED → APPROVED (→ CLOSED by an employee
 * event, spec 04 §1.2). Every write is audited.
 */
@Injectable()
export class SkpService {
  constructor(
    @Inject(TransactionHost) private readonly txHost: TxHost,
    private readonly skps: SkpRepository,
    private readonly store: SkpContentRepository,
    private readonly org: SkpOrg,
    private readonly access: SkpAccess,
    private readonly queries: SkpQueries,
    private readonly audit: AuditService,
    private readonly planner: SkpSegmentPlanner,
  ) {}

  async create(p: Principal, dto: CreateSkpDto): Promise<SkpView> {
    if (p.kind !== 'user' || !p.employeeId)
      throw new ForbiddenError(
        'Hanya pegawai yang dapat menyusun SKP-nya sendiri / only an employee can create their own SKP',
      );
    const employeeId = p.employeeId;
    return this.txHost.withTransaction(async () => {
      await this.org.lockEmployee(employeeId);
      const span = await this.planner.span(employeeId, dto);
      const ref = this.access.segmentRefDate(span);
      const snap = await this.org.snapshot(employeeId, ref);
      if (!snap)
        throw new UnprocessableError(
          `Pegawai tidak memiliki jabatan pada ${ref}; admin kepegawaian perlu mencatat penugasannya / the employee has no position on ${ref}`,
        );
      const formType = formTypeFor(snap.employee.positionKind);
      const results = await this.planner.initialResults(employeeId, dto, span.previousSkpId);
      const shape = contentShapeProblems(formType, results, dto.behaviors);
      if (shape.length) throw new InvalidInputError(invalid, shape);
      const leader = await this.org.leaderApprovedSkpId(await this.org.ppkOf(employeeId, ref), dto.year);
      const parents = await this.org.parentProblems(results, leader);
      if (parents.length) throw new InvalidInputError(invalid, parents);
      const skp = await this.skps.save({
        employeeId,
        year: dto.year,
        periodStart: span.periodStart,
        periodEnd: span.periodEnd,
        kind: span.kind,
        delegationId: span.delegationId,
        previousSkpId: span.previousSkpId,
        approach: dto.approach,
        formType,
        status: 'DRAFT',
        lampiran: SkpContentRepository.lampiran(dto.lampiran),
        createdSnapshot: snap,
      });
      await this.store.replaceResults(skp.id, results);
      await this.store.replaceBehaviors(skp.id, dto.behaviors);
      await this.transition(p, skp.id, null, 'DRAFT', 'CREATE', null);
      const view = await this.queries.view(skp);
      await this.audit.record({ action: 'skp.create', entityType: 'Skp', entityId: skp.id, after: view });
      return view;
    });
  }

  async update(p: Principal, id: string, dto: UpdateSkpDto): Promise<SkpView> {
    if (dto.results === undefined && dto.behaviors === undefined && dto.lampiran === undefined) {
      throw new InvalidInputError('Tidak ada perubahan / nothing to change', [
        { field: 'body', problem: 'give at least one of results, behaviors, lampiran' },
      ]);
    }
    return this.txHost.withTransaction(async () => {
      const skp = await this.store.header(id, true);
      await this.access.requireActor(p, skp, 'SELF');
      this.requireStatus(skp, 'DRAFT', 'diubah / edited');
      const shape = contentShapeProblems(skp.formType as SkpFormType, dto.results, dto.behaviors);
      if (shape.length) throw new InvalidInputError(invalid, shape);
      const before = await this.queries.view(skp);
      if (dto.results) {
        const ref = this.access.segmentRefDate(skp);
        const leader = await this.org.leaderApprovedSkpId(await this.org.ppkOf(skp.employeeId, ref), skp.year);
        const parents = await this.org.parentProblems(dto.results, leader);
        if (parents.length) throw new InvalidInputError(invalid, parents);
        await this.store.replaceResults(skp.id, dto.results);
      }
      if (dto.behaviors) await this.store.replaceBehaviors(skp.id, dto.behaviors);
      if (dto.lampiran) skp.lampiran = SkpContentRepository.lampiran(dto.lampiran);
      skp.version += 1;
      const saved = await this.skps.save(skp);
      const after = await this.queries.view(saved);
      await this.audit.record({
        action: 'skp.update',
        entityType: 'Skp',
        entityId: skp.id,
        before: this.content(before),
        after: this.content(after),
      });
      return after;
    });
  }

  /** DRAFT → SUBMITTED: the employee signs. Needs a PPK on the date and complete content. */
  async submit(p: Principal, id: string): Promise<SkpView> {
    return this.txHost.withTransaction(async () => {
      const skp = await this.store.header(id, true);
      await this.access.requireActor(p, skp, 'SELF');
      this.requireStatus(skp, 'DRAFT', 'diajukan / submitted');
      const ref = this.access.segmentRefDate(skp);
      const ppkId = await this.org.ppkOf(skp.employeeId, ref);
      if (!ppkId) throw noPpkError(p.kind === 'user' ? p.nip : '', ref);
      await this.requireComplete(skp, ppkId);
      return this.move(p, skp, 'SUBMITTED', 'SUBMIT', null, (s) => {
        s.submittedAt = new Date();
      });
    });
  }

  /** SUBMITTED → APPROVED (penetapan by the PPK on the date); content is frozen and snapshotted. */
  async approve(p: Principal, id: string): Promise<SkpView> {
    return this.txHost.withTransaction(async () => {
      const skp = await this.store.header(id, true);
      await this.access.requireActor(p, skp, 'PPK');
      this.requireStatus(skp, 'SUBMITTED', 'disetujui / approved');
      const ref = this.access.segmentRefDate(skp);
      const { leader, results } = await this.requireComplete(skp, await this.org.ppkOf(skp.employeeId, ref));
      const snap = await this.org.snapshot(skp.employeeId, ref);
      // 01 §3.4: without an approved SKP of the PPK, UTAMA results cannot intervene anything yet;
      // the approval goes through with a warning, and GET /units/{code}/gaps lists it.
      const unlinked =
        leader === null && skp.formType === 'JA_JF'
          ? results.filter((r) => r.kind === 'UTAMA' && !r.parentResultId).length
          : 0;
      const warnings = unlinked > 0 ? [{ code: 'UNLINKED_RESULTS', message: unlinkedMessage(unlinked) }] : [];
      const view = await this.move(p, skp, 'APPROVED', 'APPROVE', warnings.length ? warnings[0].message : null, (s) => {
        s.approvedAt = new Date();
        s.approvedBy = p.kind === 'user' ? p.employeeId : null;
        s.approvedSnapshot = snap;
      });
      return warnings.length ? Object.assign(view, { warnings }) : view;
    });
  }

  /** SUBMITTED → DRAFT with the PPK's reason kept on the SKP and in its history. */
  async reject(p: Principal, id: string, dto: RejectSkpDto): Promise<SkpView> {
    return this.txHost.withTransaction(async () => {
      const skp = await this.store.header(id, true);
      await this.access.requireActor(p, skp, 'PPK');
      this.requireStatus(skp, 'SUBMITTED', 'ditolak / rejected');
      return this.move(p, skp, 'DRAFT', 'REJECT', dto.reason, (s) => {
        s.rejectionReason = dto.reason;
        s.submittedAt = null;
      });
    });
  }

  private async requireComplete(skp: SkpEntity, ppkId: string | null) {
    const results = await this.store.results(skp.id);
    const behaviors = await this.store.behaviors(skp.id);
    const leader = await this.org.leaderApprovedSkpId(ppkId, skp.year);
    const problems = [
      ...submitProblems(
        {
          formType: skp.formType as SkpFormType,
          approach: skp.approach as SkpApproach,
          results,
          coreValues: behaviors.map((b) => b.coreValue),
        },
        leader !== null,
      ),
      ...(await this.org.parentProblems(results, leader)),
    ];
    if (problems.length)
      throw new UnprocessableError(
        'SKP belum lengkap atau tidak sesuai aturan / the SKP does not meet the rules to move on',
        problems,
      );
    return { leader, results };
  }

  private requireStatus(skp: SkpEntity, status: SkpStatus, verb: string): void {
    if (skp.status !== status) {
      throw new ConflictError(
        `SKP berstatus ${skp.status}; hanya SKP ${status} yang dapat ${verb} / only a ${status} SKP can be ${verb.split(' / ')[1]}`,
        [{ field: 'status', problem: `is ${skp.status}, must be ${status}` }],
      );
    }
  }

  private async move(
    p: Principal,
    skp: SkpEntity,
    to: SkpStatus,
    action: string,
    reason: string | null,
    mutate: (s: SkpEntity) => void,
  ): Promise<SkpView> {
    const from = skp.status;
    skp.status = to;
    skp.version += 1;
    mutate(skp);
    const saved = await this.skps.save(skp);
    await this.transition(p, skp.id, from, to, action, reason);
    await this.audit.record({
      action: `skp.${action.toLowerCase()}`,
      entityType: 'Skp',
      entityId: skp.id,
      before: { status: from },
      after: { status: to, version: saved.version },
      reason,
    });
    return this.queries.view(saved);
  }

  private async transition(
    p: Principal,
    skpId: string,
    from: string | null,
    to: string,
    action: string,
    reason: string | null,
  ): Promise<void> {
    await this.skps.insertTransition({ skpId, from, to, action, actor: actorLabel(p).actor, reason });
  }

  private content(v: SkpView) {
    return { results: v.results, behaviors: v.behaviors, lampiran: v.lampiran, version: v.version };
  }
}
