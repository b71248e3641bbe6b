import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { ConflictError, InvalidInputError, NotFoundError, UnprocessableError } from '../common/domain-errors';
import { Clock } from '../common/clock';
import { RequestContext } from '../common/request-context';
import { TransactionHost, type TxHost } from '../database/transaction';
import { actorLabel } from '../identity/principal';
import { OrgDirectory } from '../org/org-directory.service';
import { OutboxService } from '../outbox/outbox.service';
import { OutcomeStore } from '../outcomes/outcome-store.service';
import { makeOutcome } from '../rules/outcomes/build';
import { ContractDecisionDto, ContractReviewQuery, PutContractDto } from './dto/pppk.dto';
import { PppkContractsRepository, ReviewRecord } from './pppk-contracts.repository';
import type { ContractProblem, ContractReviewList, ContractReviewView, PppkContractDetail } from './pppk.views';

const strip = ({ employeeId: _e, ...view }: ReviewRecord): ContractReviewView => view;

const addDays = (date: string, n: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/**
 * PPPK perjanjian kerja and their review (04 §6): an ADMIN records the contract in force; the review job
 * proposes, six months before the end, an outcome from the latest annual predikat (`pppk.contractReview`);
 * a person decides it once (extend with a new end date → the next contract, or not extend → the
 * CONTRACT_NOT_EXTENDED outcome). Every write is audited.
 */
@Injectable()
export class PppkContractsService {
  constructor(
    @Inject(TransactionHost) private readonly txHost: TxHost,
    private readonly repo: PppkContractsRepository,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly outcomes: OutcomeStore,
    private readonly clock: Clock,
    private readonly org: OrgDirectory,
  ) {}

  /** The employee in post today (404 otherwise). */
  private async employee(nip: string) {
    const snap = await this.org.snapshotByNip(nip, this.clock.today());
    if (!snap) throw new NotFoundError('Pegawai');
    return snap;
  }

  async detail(nip: string): Promise<PppkContractDetail> {
    const emp = await this.employee(nip);
    const history = await this.repo.contracts(emp.employeeId);
    return {
      nip,
      current: history.find((c) => c.current) ?? null,
      history,
      reviews: (await this.repo.reviews({ employeeId: emp.employeeId })).map(strip),
      problems: emp.status === 'PPPK' ? await this.problems(emp.employeeId) : [],
    };
  }

  /** PPPK in post whose contract in force has no end date, or who have no contract recorded (nothing defaulted). */
  async problems(employeeId: string | null = null): Promise<ContractProblem[]> {
    const all = await this.org.currentIdsByStatus('PPPK');
    const ids = employeeId ? all.filter((id) => id === employeeId) : all;
    const ends = await this.repo.currentEnds(ids);
    const missing = ids.filter((id) => !ends.has(id) || ends.get(id) === null);
    const snaps = await this.org.snapshotsByIds(missing, this.clock.today());
    return snaps
      .map((p) => ({
        nip: p.nip,
        name: p.name,
        unitCode: p.unitCode,
        code: 'CONTRACT_END_MISSING' as const,
        message: ends.has(p.employeeId)
          ? 'Tanggal berakhir perjanjian kerja belum dicatat: peninjauan kontrak (6 bulan sebelum berakhir) tidak dapat dijadwalkan'
          : 'Perjanjian kerja PPPK belum dicatat: peninjauan kontrak (6 bulan sebelum berakhir) tidak dapat dijadwalkan',
      }))
      .sort((a, b) => a.nip.localeCompare(b.nip));
  }

  /** Records (or corrects, while no review exists) the contract in force; the review job looks at it at once. */
  async put(nip: string, dto: PutContractDto): Promise<PppkContractDetail> {
    if (dto.startsOn && dto.endsOn && dto.startsOn > dto.endsOn)
      throw new InvalidInputError('Data tidak valid / invalid input', [
        { field: 'endsOn', problem: 'must not be before startsOn' },
      ]);
    await this.txHost.withTransaction(async () => {
      const emp = await this.employee(nip);
      if (emp.status !== 'PPPK')
        throw new UnprocessableError(`Pegawai ${nip} bukan PPPK / not a PPPK employee`, [
          { field: 'nip', problem: `status is ${emp.status}; perjanjian kerja apply to PPPK only (04 §6)` },
        ]);
      const before = await this.repo.current(emp.employeeId, true);
      const next = { startsOn: dto.startsOn ?? null, endsOn: dto.endsOn, reference: dto.reference ?? null };
      if (before && (await this.repo.hasReview(before.id)))
        throw new ConflictError(
          'Peninjauan kontrak ini sudah diusulkan; putuskan usulan itu (perpanjangan membuat perjanjian kerja berikutnya) / a review exists',
          [{ field: 'endsOn', problem: 'the contract in force already has a review' }],
        );
      let contractId: string;
      if (before) {
        await this.repo.updateContract(before.id, next);
        contractId = before.id;
      } else contractId = await this.repo.addCurrent(emp.employeeId, { ...next, source: 'ADMIN' });
      await this.audit.record({
        action: before ? 'pppk.contract.update' : 'pppk.contract.create',
        entityType: 'PppkContract',
        entityId: contractId,
        before: before ? { startsOn: before.startsOn, endsOn: before.endsOn, reference: before.reference } : null,
        after: { nip, ...next },
      });
      await this.outbox.add({
        type: 'PppkContractChanged',
        aggregateType: 'PppkContract',
        aggregateId: contractId,
        payload: { employeeId: emp.employeeId, contractId },
      });
    });
    return this.detail(nip);
  }

  async list(q: ContractReviewQuery): Promise<ContractReviewList> {
    const emp = q.nip ? await this.org.snapshotByNip(q.nip, this.clock.today()) : null;
    if (q.nip && !emp) return { items: [], problems: [] };
    return {
      items: (await this.repo.reviews({ status: q.status, employeeId: emp?.employeeId })).map(strip),
      problems: await this.problems(emp?.employeeId ?? null),
    };
  }

  async decide(id: string, dto: ContractDecisionDto): Promise<ContractReviewView> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id))
      throw new NotFoundError('Peninjauan kontrak');
    const today = this.clock.today();
    const decidedOn = dto.decidedOn ?? today;
    return this.txHost.withTransaction(async () => {
      const r = await this.repo.review(id, true);
      if (!r) throw new NotFoundError('Peninjauan kontrak');
      if (r.status === 'DECIDED')
        throw new ConflictError(`Peninjauan kontrak sudah diputuskan (${r.decision.decision}) / already decided`, [
          { field: 'decision', problem: `decided on ${r.decision.decidedOn}` },
        ]);
      if (decidedOn > today)
        throw new UnprocessableError('Tanggal keputusan di masa depan / decidedOn is in the future', [
          { field: 'decidedOn', problem: `after today (${today})` },
        ]);
      // The new end date of an extension; none for NOT_EXTENDED.
      let extendTo: string | null = null;
      if (dto.decision === 'EXTEND') {
        if (!dto.newEndDate)
          throw new InvalidInputError('Data tidak valid / invalid input', [
            { field: 'newEndDate', problem: 'required to extend the contract' },
          ]);
        extendTo = dto.newEndDate;
      } else if (dto.newEndDate)
        throw new InvalidInputError('Data tidak valid / invalid input', [
          { field: 'newEndDate', problem: 'only for EXTEND' },
        ]);
      if (dto.newEndDate && dto.newEndDate <= r.contractEnd)
        throw new UnprocessableError(
          `Tanggal berakhir baru harus setelah ${r.contractEnd} / newEndDate must be after the end`,
          [{ field: 'newEndDate', problem: `must be after ${r.contractEnd}` }],
        );
      const follows =
        r.proposal === null || (dto.decision === 'NOT_EXTENDED') === (r.proposal === 'CONTRACT_NOT_EXTENDED');
      if (!follows && !dto.reason)
        throw new InvalidInputError('Alasan wajib bila keputusan berbeda dari usulan / a reason is required', [
          { field: 'reason', problem: `required: the decision departs from the proposal ${r.proposal}` },
        ]);
      const actor = actorLabel(RequestContext.principal()).actor;
      let newContractId: string | null = null;
      if (extendTo !== null) {
        newContractId = await this.repo.addCurrent(r.employeeId, {
          startsOn: addDays(r.contractEnd, 1),
          endsOn: extendTo,
          reference: null,
          source: 'EXTENSION',
        });
        await this.outbox.add({
          type: 'PppkContractChanged',
          aggregateType: 'PppkContract',
          aggregateId: newContractId,
          payload: { employeeId: r.employeeId, contractId: newContractId },
        });
      } else {
        await this.outcomes.saveAll(
          r.employeeId,
          [
            makeOutcome({
              type: 'CONTRACT_NOT_EXTENDED',
              nip: r.nip,
              fact: `contract:${r.contractId}`,
              reason: `Perjanjian kerja PPPK yang berakhir ${r.contractEnd} tidak diperpanjang (keputusan ${decidedOn})`,
              effectiveFrom: addDays(r.contractEnd, 1),
              effectiveTo: null,
              source: { kind: 'PPPK_CONTRACT_REVIEW', id: r.id },
              inputs: { contractEnd: r.contractEnd, proposal: r.proposal, decidedOn },
              formula: `usulan ${r.proposal ?? 'tanpa rekomendasi'} → keputusan tidak diperpanjang`,
              legalBasis: 'PP 49/2018 Pasal 37 (perpanjangan perjanjian kerja PPPK)',
            }),
          ],
          r.contractEnd.slice(0, 4),
        );
      }
      await this.repo.decide(r.id, {
        decision: dto.decision,
        newEnd: dto.newEndDate ?? null,
        newContractId,
        decidedOn,
        decidedBy: actor,
        reason: dto.reason ?? null,
      });
      await this.audit.record({
        action: 'pppk.contract-review.decide',
        entityType: 'PppkContractReview',
        entityId: r.id,
        before: { status: 'PROPOSED', proposal: r.proposal },
        after: { status: 'DECIDED', decision: dto.decision, newEndDate: dto.newEndDate ?? null, decidedOn },
        reason: dto.reason ?? null,
      });
      const decided = await this.repo.review(r.id);
      // The review is locked above: it is still there.
      if (!decided) throw new NotFoundError('Peninjauan kontrak');
      return strip(decided);
    });
  }
}
