import { AgencyService } from '../agency/agency.service';
import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { AccessPolicy } from '../authz/access-policy';
import { NotFoundError, ConflictError, InvalidInputError } from '../common/domain-errors';
import { Clock } from '../common/clock';
import { TransactionHost, type TxHost } from '../database/transaction';
import { Principal } from '../identity/principal';
import { OrgDirectory } from '../org/org-directory.service';
import { OutboxService } from '../outbox/outbox.service';
import { educationBonus, LedgerEntry } from '../rules';
import { CreditComputation, CreditLedgerService } from './credit-ledger.service';
import { CreditLedgerRepository } from './credit-ledger.repository';
import { CreditEducationDto } from './dto/credit.dto';
import { PPPK_NOTICE, renderPak } from './pak-document';
import { PakDocumentReader } from './pak-document-reader.service';
import { AppConfig } from '../config/app-config';
import type { CreditEducationResult, CreditEntryView, CreditView } from './credit.views';

function entryView(e: LedgerEntry): Omit<CreditEntryView, 'informational'> {
  return {
    source: e.source,
    period: e.periods?.length === 1 ? e.periods[0] : e.fromMonth && e.toMonth ? `${e.fromMonth}..${e.toMonth}` : null,
    basis: e.basis ?? null,
    fromMonth: e.fromMonth ?? null,
    toMonth: e.toMonth ?? null,
    months: e.months ?? null,
    predicate: e.predicate ?? null,
    percentage: e.percentage ?? null,
    coefficient: e.coefficient ?? null,
    jenjang: e.jenjang,
    amount: e.amount,
    degree: e.degree,
    explanation: e.explanation,
  };
}

/** Angka kredit as seen through the API: computed from facts by the rules library, explained. */
@Injectable()
export class CreditService {
  constructor(
    @Inject(TransactionHost) private readonly txHost: TxHost,
    private readonly ledger: CreditLedgerService,
    private readonly repo: CreditLedgerRepository,
    private readonly org: OrgDirectory,
    private readonly policy: AccessPolicy,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly agency: AgencyService,
    private readonly documents: PakDocumentReader,
  ) {}

  private async employeeId(p: Principal, nip: string): Promise<string> {
    const today = this.clock.today();
    const snap = await this.org.snapshotByNip(nip, today);
    if (!snap) throw new NotFoundError('Pegawai');
    await this.policy.require(p, snap.employeeId, today, ['ADMIN', 'SELF', 'PPK', 'ATASAN_PPK'], 'Pegawai');
    return snap.employeeId;
  }

  async computeFor(p: Principal, nip: string): Promise<CreditComputation> {
    const today = this.clock.today();
    const id = await this.employeeId(p, nip);
    const facts = await this.ledger.facts(id, today);
    if (!facts)
      throw new ConflictError(
        'Pegawai tidak sedang menduduki jabatan fungsional atau tidak memiliki ledger angka kredit (PPPK yang angka kreditnya tidak dicatat menurut pengaturan instansi) / no AK ledger today',
      );
    return this.ledger.compute(facts, today);
  }

  async view(p: Principal, nip: string): Promise<CreditView> {
    const c = await this.computeFor(p, nip);
    const version = await this.repo.storedVersion(c.facts.employeeId);
    const next = c.ledger.next
      ? {
          ...c.ledger.next,
          eligible: c.eligibility?.eligible ?? false,
          unmet: c.eligibility?.unmet ?? [],
          reasons: c.eligibility?.reasons ?? [],
          explanation: c.eligibility?.explanation,
          tmt: c.kp?.tmt ?? null,
          submitFrom: c.kp?.submitFrom ?? null,
          submitBy: c.kp?.submitBy ?? null,
          eligibleOn: c.kp?.eligibleOn ?? null,
          tmtRegime: c.kp?.regime ?? null,
          delayedBy: c.kp?.delayedBy ?? [],
          tmtExplanation: c.kp?.explanation ?? null,
        }
      : null;
    const informational = c.ledger.informational;
    return {
      nip,
      status: c.facts.status,
      jenjang: c.ledger.jenjang,
      golongan: c.ledger.golongan,
      balance: c.ledger.balance,
      /** PPPK (04 §6): shown for information; no kenaikan pangkat, KJ eligibility reported only. */
      informational,
      notice: informational ? PPPK_NOTICE : null,
      entries: c.ledger.allEntries.map((e) => ({ ...entryView(e), informational })),
      closed: c.ledger.closed.map((x) => ({
        jenjang: x.jenjang,
        golongan: x.golongan,
        closedTmt: x.closedTmt,
        balance: x.balance,
        threshold: x.threshold,
        thresholdMet: x.thresholdMet,
        shortfall: x.shortfall,
        forfeited: x.forfeited,
      })),
      catchUp: c.ledger.catchUp,
      warnings: c.ledger.warnings,
      superseded: c.ledger.superseded,
      next,
      version,
      explanation: c.ledger.explanation,
    };
  }

  async addEducation(p: Principal, nip: string, dto: CreditEducationDto): Promise<CreditEducationResult> {
    // A degree not yet awarded earns nothing (Peraturan BKN 3/2023: credited from the award).
    if (dto.awardedOn > this.clock.today())
      throw new InvalidInputError('Tanggal ijazah di masa depan / degree awarded in the future', [
        { field: 'awardedOn', problem: 'must not be after today' },
      ]);
    const c = await this.computeFor(p, nip);
    const result = educationBonus({ jenjang: c.ledger.jenjang });
    await this.txHost.withTransaction(async () => {
      const educationId = await this.repo.insertEducation(c.facts.employeeId, dto.degree, dto.awardedOn);
      if (!educationId)
        throw new ConflictError(`Ijazah ${dto.degree} sudah diberi angka kredit / this degree was already credited`);
      await this.audit.record({
        action: 'credit.education',
        entityType: 'Employee',
        entityId: nip,
        after: { ...dto, amount: result.amount },
      });
      await this.outbox.add({
        type: 'AkFactsChanged',
        aggregateType: 'Employee',
        aggregateId: c.facts.employeeId,
        payload: { employeeId: c.facts.employeeId, cause: `education:${dto.degree}` },
        dedupeKey: `ak-education:${educationId}`,
      });
    });
    return { source: 'PENDIDIKAN', degree: dto.degree, awardedOn: dto.awardedOn, jenjang: c.ledger.jenjang, ...result };
  }

  /**
   * PAK for a year: the ledger as of the end of that year (or today, for the current year). The first
   * print issues the year's number (PakIssued); later prints keep it.
   */
  async pak(p: Principal, nip: string, year: number): Promise<Buffer> {
    const id = await this.employeeId(p, nip);
    const content = await this.documents.content(id, year);
    if (!content) {
      const today = this.clock.today();
      const asOf = `${year}-12-31` < today ? `${year}-12-31` : today;
      throw new ConflictError(`Pegawai bukan pejabat fungsional pada ${asOf} / not a functional official on that date`);
    }
    const number = await this.agency.documentNumber('PAK', year, nip, nip);
    return renderPak({ ...content, number, printedOn: this.clock.today() });
  }
}
