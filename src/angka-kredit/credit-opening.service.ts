import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { ConflictError, InvalidInputError } from '../common/domain-errors';
import { Clock } from '../common/clock';
import { TransactionHost, type TxHost } from '../database/transaction';
import { Principal } from '../identity/principal';
import { OutboxService } from '../outbox/outbox.service';
import {
  akDasar,
  akOpening,
  integrasi,
  reconcileOpeningPredicates,
  RuleInputError,
  selectVersion,
  type AppointmentRoute,
  type Golongan,
  type OpeningInput,
} from '../rules';
import { CreditLedgerRepository } from './credit-ledger.repository';
import { CreditService } from './credit.service';
import type { CreditOpeningDto } from './dto/credit.dto';
import type { CreditOpeningResult } from './credit.views';
import { OpeningTablesRepository } from './opening-tables.repository';
import { FinalPredicatesReader } from '../evaluation/final-predicates.repository';

/**
 * Opening entries of a JF ledger: INTEGRASI / AK_DASAR (02 §9), and the entries into a JF of 04 §4 computed by
 * `ak.opening` from the route's inputs with the annex tables in force (built-in default + admin versions).
 */
@Injectable()
export class CreditOpeningService {
  constructor(
    @Inject(TransactionHost) private readonly txHost: TxHost,
    private readonly credit: CreditService,
    private readonly repo: CreditLedgerRepository,
    private readonly tables: OpeningTablesRepository,
    private readonly finalPredicates: FinalPredicatesReader,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  async add(p: Principal, nip: string, dto: CreditOpeningDto): Promise<CreditOpeningResult> {
    const c = await this.credit.computeFor(p, nip);
    if (c.facts.status === 'PPPK')
      throw new ConflictError(
        'Angka kredit awal bergantung pada golongan ruang PNS; tidak berlaku untuk PPPK / no opening entry for a PPPK',
      );
    const { jenjang, golongan } = c.facts.input;
    let result: Omit<CreditOpeningResult, 'source' | 'jenjang' | 'golongan'>;
    let explanationStored: unknown = null;
    if (dto.kind === 'AK_DASAR') result = akDasar({ jenjang, golongan: golongan as Golongan });
    else if (dto.kind === 'INTEGRASI') {
      // The DTO requires it for INTEGRASI (02 §9): the conventional total is what is converted.
      if (dto.conventionalTotal === undefined)
        throw new InvalidInputError('Data tidak valid / invalid input', [
          { field: 'conventionalTotal', problem: 'required for INTEGRASI' },
        ]);
      result = integrasi({ jenjang, golongan: golongan as Golongan, conventionalTotal: dto.conventionalTotal });
    } else {
      const r = await this.route(dto.kind, jenjang, golongan as Golongan, dto, c.facts.employeeId);
      result = {
        amount: r.amount,
        konversi: r.konversi,
        akDasar: r.akDasar,
        tableAmount: r.tableAmount,
        lastBalance: r.lastBalance,
        entries: r.entries,
        warnings: r.warnings.map((w) => `${w.code}: ${w.message}`),
        explanation: r.explanation,
      };
      explanationStored = r.explanation;
    }
    await this.txHost.withTransaction(async () => {
      const openingId = await this.repo.insertOpening({
        employeeId: c.facts.employeeId,
        kind: dto.kind,
        conventionalTotal: dto.conventionalTotal ?? null,
        jenjang,
        golongan,
        amount: result.amount,
        inputs: dto,
        explanation: explanationStored,
      });
      if (!openingId)
        throw new ConflictError(
          'Entri awal untuk jenjang ini sudah ada / opening entry already exists for this jenjang',
        );
      await this.audit.record({
        action: 'credit.opening',
        entityType: 'Employee',
        entityId: nip,
        after: { ...dto, amount: result.amount },
      });
      await this.outbox.add({
        type: 'AkFactsChanged',
        aggregateType: 'Employee',
        aggregateId: c.facts.employeeId,
        payload: { employeeId: c.facts.employeeId, cause: `opening:${dto.kind}` },
        dedupeKey: `ak-opening:${openingId}`,
      });
    });
    return { source: dto.kind, jenjang, golongan, ...result };
  }

  /** ak.opening for the route (04 §4); a missing or contradictory input is a 400 naming the field. */
  private async route(
    route: AppointmentRoute,
    jenjang: string,
    golongan: Golongan,
    dto: CreditOpeningDto,
    employeeId: string,
  ) {
    const today = this.clock.today();
    const tables = await this.tables.tables();
    const stored = await this.finalPredicates.annualByYear(employeeId);
    const reconciled = this.rule(() => reconcileOpeningPredicates(dto.predicates, stored));
    const input: OpeningInput = {
      route,
      targetJenjang: jenjang as OpeningInput['targetJenjang'],
      golongan,
      topPangkatOfJa: dto.topPangkatOfJa,
      monthsInLastGolongan: dto.monthsInLastGolongan,
      predicates: reconciled.runs.map((r) => ({ months: r.months, predicate: r.predicate })),
      education: dto.education,
      relevantExperienceYears: dto.relevantExperienceYears,
      lastBalance: dto.lastBalance,
      tableAmount: dto.tableAmount,
      onDate: today,
    };
    return this.rule(() => {
      // Fail early on a table with no version in force today (an admin version dated in the future only).
      selectVersion(tables.perpindahan, today);
      const r = akOpening(input, { opening: { perpindahan: tables.perpindahan, penyesuaian: tables.penyesuaian } });
      // Where each predikat came from: a stored FINAL evaluation, or typed for a year the engine does not hold.
      r.explanation.steps = [...reconciled.steps, ...(r.explanation.steps ?? [])];
      return r;
    });
  }

  /** A rule's RuleInputError is the caller's input: 400 naming the field. */
  private rule<T>(fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      if (err instanceof RuleInputError)
        throw new InvalidInputError(
          `Angka kredit awal tidak dapat dihitung / cannot compute the opening AK: ${err.message}`,
          [{ field: err.field ?? 'kind', problem: err.message }],
        );
      throw err;
    }
  }
}
