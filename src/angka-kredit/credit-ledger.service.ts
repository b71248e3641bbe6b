import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { UnprocessableError } from '../common/domain-errors';
import { AppConfig } from '../config/app-config';
import { DisciplineSanctionsReader } from '../discipline/discipline-sanctions.repository';
import { FinalPredicatesReader } from '../evaluation/final-predicates.repository';
import { OrgDirectory } from '../org/org-directory.service';
import {
  checkEligibility,
  computeLedger,
  EligibilityResult,
  LedgerResult,
  RuleInputError,
  UnmetCode,
  type AkConfig,
  type AkEntrySource,
  type DeepPartial,
} from '../rules';
import { buildFacts, firstCountedMonth, groupBy, jfTenure, type AssignmentRow, type CreditFacts } from './credit-facts';
import { CreditLedgerRepository, type LedgerWrite } from './credit-ledger.repository';
import { kpNextForCredit, kpSanctionsSince, type KpNextTmt } from './kp-next';

export type { CreditFacts } from './credit-facts';

export interface CreditComputation {
  facts: CreditFacts;
  ledger: LedgerResult;
  eligibility: EligibilityResult | null;
  /** Next kenaikan pangkat TMT and its submission window (04 §3.3); null unless the next step is a KP of a PNS. */
  kp: KpNextTmt | null;
}

function figuresHash(c: CreditComputation): string {
  const figures = {
    balance: c.ledger.balance,
    entries: c.ledger.allEntries.map((e) => [e.source, e.fromMonth, e.toMonth, e.predicate, e.amount]),
    closed: c.ledger.closed.map((x) => [x.jenjang, x.balance, x.forfeited]),
  };
  return createHash('sha256').update(JSON.stringify(figures)).digest('hex');
}

/** Ledger source of an 04 §4 opening (02 §14.2): promosi opens with AK Dasar, penyesuaian with its own source. */
const ROUTE_SOURCE: Record<string, AkEntrySource> = {
  PROMOSI: 'AK_DASAR',
  PENYESUAIAN: 'PENYESUAIAN',
  PERPINDAHAN: 'LAINNYA',
  PENGANGKATAN_PERTAMA: 'LAINNYA',
  PENGANGKATAN_KEMBALI: 'LAMA',
};

/** The fixed-amount opening of an entry into the JF shows its route's source and the ak.opening explanation. */
function relabelOpening(ledger: LedgerResult, opening: CreditFacts['openingRoute']): void {
  if (!opening) return;
  const e = ledger.allEntries.find((x) => x.source === 'LAMA');
  if (!e) return;
  e.source = ROUTE_SOURCE[opening.route] ?? 'LAINNYA';
  if (opening.explanation) e.explanation = opening.explanation;
}

/**
 * Builds the angka kredit ledger of a functional official from stored facts (FINAL predicates,
 * jenjang/golongan history, openings, degrees) with the rules library. Nothing is typed in.
 */
@Injectable()
export class CreditLedgerService {
  constructor(
    private readonly repo: CreditLedgerRepository,
    private readonly org: OrgDirectory,
    private readonly evaluations: FinalPredicatesReader,
    private readonly discipline: DisciplineSanctionsReader,
    private readonly config: AppConfig,
  ) {}

  /** ak.pppk.ledger (04 §6): INFORMATIONAL (default) keeps a ledger for a PPPK in a JF, false none. */
  private get akConfig(): DeepPartial<AkConfig> {
    return { pppk: { ledger: this.config.get('AK_PPPK_LEDGER') === 'false' ? false : 'INFORMATIONAL' } };
  }

  hasLedger(status: string): boolean {
    return status !== 'PPPK' || this.akConfig.pppk?.ledger !== false;
  }

  /** Null when the employee holds no JF position on `today` (AK does not apply). */
  async facts(employeeId: string, today: string): Promise<CreditFacts | null> {
    return (await this.factsMany([employeeId], today)).get(employeeId) ?? null;
  }

  /**
   * The facts of many employees in a few set-based reads (one per table, whatever the batch size): the
   * map holds only the employees who hold a JF position today.
   */
  async factsMany(employeeIds: string[], today: string): Promise<Map<string, CreditFacts>> {
    const out = new Map<string, CreditFacts>();
    const ids = [...new Set(employeeIds)];
    if (ids.length === 0) return out;
    // Sequential: the transaction may be one connection (the job's).
    const emps = (await this.org.identities(ids)).filter((e) => this.hasLedger(e.status));
    const tenures = new Map<string, AssignmentRow[]>();
    for (const [id, rows] of groupBy(await this.org.careers(ids, today))) {
      const t = jfTenure(rows);
      if (t) tenures.set(id, t);
    }
    const jf = [...tenures.keys()];
    if (jf.length === 0) return out;
    const predsBy = groupBy(await this.evaluations.creditPredicates(jf));
    const openingsBy = groupBy(await this.repo.openings(jf));
    const educationBy = groupBy(await this.repo.education(jf));
    const blocking = await this.discipline.promotionBlockingSanctions(jf, today);
    const kpSanctions = await this.discipline.kenaikanPangkatSanctions(jf, kpSanctionsSince(today));
    const emp = new Map(emps.map((e) => [e.id, e]));
    for (const [id, tenure] of tenures) {
      const e = emp.get(id);
      if (!e) continue;
      const fromMonth = firstCountedMonth(tenure[0].valid_from);
      out.set(
        id,
        buildFacts({
          employeeId: id,
          nip: e.nip,
          status: e.status,
          tenure,
          preds: (predsBy.get(id) ?? []).filter((p) => p.from_month >= fromMonth),
          openings: (openingsBy.get(id) ?? []).filter((o) => o.jenjang === tenure[0].jenjang),
          education: educationBy.get(id) ?? [],
          today,
          hukdisInForce: blocking.get(id) ?? null,
          kpSanctions: kpSanctions.get(id) ?? [],
        }),
      );
    }
    return out;
  }

  compute(facts: CreditFacts, today: string): CreditComputation {
    try {
      const ledger = computeLedger(facts.input, this.akConfig);
      const eligibility = ledger.next
        ? checkEligibility({
            status: facts.status,
            kind: ledger.next.kind,
            jenjang: ledger.jenjang,
            golongan: ledger.golongan,
            balance: ledger.balance,
            monthsInPangkat: facts.monthsInPangkat,
            monthsInJenjang: facts.monthsInJenjang,
            recentAnnualPredicates: facts.recentAnnualPredicates,
            catchUpFrom: ledger.catchUp?.from,
            onDate: today,
          })
        : null;
      const h = facts.hukdisInForce;
      if (eligibility && h && eligibility.kind === 'KENAIKAN_PANGKAT' && facts.status === 'PNS') {
        // Issue 8: no kenaikan pangkat while a sedang/berat hukuman disiplin runs.
        eligibility.eligible = false;
        eligibility.unmet = [...eligibility.unmet, 'HUKDIS_IN_FORCE' as UnmetCode];
        eligibility.reasons = [
          ...eligibility.reasons,
          `Sedang menjalani hukuman disiplin ${h.level.toLowerCase()} (${h.sanction}) ${h.effectiveFrom} s.d. ${h.effectiveTo ?? 'seterusnya'}: tidak diberikan kenaikan pangkat (PerBKN 6/2022)`,
        ];
      }
      relabelOpening(ledger, facts.openingRoute);
      return { facts, ledger, eligibility, kp: kpNextForCredit(facts, ledger, eligibility, today) };
    } catch (err) {
      if (err instanceof RuleInputError) {
        throw new UnprocessableError(`Angka kredit tidak dapat dihitung / cannot compute the ledger: ${err.message}`, [
          { field: err.field ?? 'ledger', problem: err.message },
        ]);
      }
      throw err;
    }
  }

  /** Stores the ledger when its figures changed: a new version, with the previous one kept in history. */
  async store(c: CreditComputation, cause: string): Promise<{ version: number; changed: boolean }> {
    const id = c.facts.employeeId;
    const current = await this.repo.lockLedgers([id]);
    const { stored, write } = nextLedger(c, cause, current.get(id));
    await this.repo.writeLedgers(write ? [write] : []);
    return stored;
  }

  /**
   * Stores many computations: one locking read, one upsert of the changed ledgers and one history insert,
   * whatever the batch size. Rows are locked in employee_id order.
   */
  async storeMany(
    items: { c: CreditComputation; cause: string }[],
  ): Promise<Map<string, { version: number; changed: boolean }>> {
    const out = new Map<string, { version: number; changed: boolean }>();
    if (items.length === 0) return out;
    const current = await this.repo.lockLedgers(items.map((i) => i.c.facts.employeeId));
    const writes: LedgerWrite[] = [];
    for (const { c, cause } of items) {
      const { stored, write } = nextLedger(c, cause, current.get(c.facts.employeeId));
      out.set(c.facts.employeeId, stored);
      if (write) writes.push(write);
    }
    await this.repo.writeLedgers(writes);
    return out;
  }
}

/** The stored version after this computation, and the row to write when its figures differ from `cur`'s. */
function nextLedger(
  c: CreditComputation,
  cause: string,
  cur: { version: number; figures_hash: string } | undefined,
): { stored: { version: number; changed: boolean }; write: LedgerWrite | null } {
  const hash = figuresHash(c);
  if (cur?.figures_hash === hash) return { stored: { version: cur.version, changed: false }, write: null };
  const version = (cur?.version ?? 0) + 1;
  return {
    stored: { version, changed: true },
    write: {
      employeeId: c.facts.employeeId,
      version,
      jenjang: c.ledger.jenjang,
      golongan: c.ledger.golongan,
      balance: c.ledger.balance,
      hash,
      result: { ledger: c.ledger, eligibility: c.eligibility },
      cause: cause.slice(0, 120),
    },
  };
}
