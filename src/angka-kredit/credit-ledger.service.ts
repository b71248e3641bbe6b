import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { unprocessable } from '../common/api-error';
import { AppConfig } from '../config/app-config';
import { DisciplineSanctionsReader } from '../discipline/discipline-read';
import {
  checkEligibility,
  computeLedger,
  EligibilityResult,
  Golongan,
  Jenjang,
  LedgerInput,
  LedgerResult,
  RuleInputError,
  UnmetCode,
  type AkConfig,
  type DeepPartial,
} from '../rules';

interface AssignmentRow {
  valid_from: string;
  position_kind: string;
  jenjang: string | null;
  golongan: string;
}

export interface CreditFacts {
  employeeId: string;
  nip: string;
  /** A PPPK gets an informational ledger (04 §6, AK_PPPK_LEDGER). */
  status: 'PNS' | 'PPPK';
  input: LedgerInput;
  monthsInPangkat: number;
  monthsInJenjang: number;
  recentAnnualPredicates: string[];
  /** A SEDANG/BERAT discipline sanction in force today: no kenaikan pangkat (03 §12.4–§12.5). */
  hukdisInForce?: {
    caseId: string;
    sanction: string;
    level: string;
    effectiveFrom: string;
    effectiveTo: string | null;
  } | null;
}

export interface CreditComputation {
  facts: CreditFacts;
  ledger: LedgerResult;
  eligibility: EligibilityResult | null;
}

function figuresHash(c: CreditComputation): string {
  const figures = {
    balance: c.ledger.balance,
    entries: c.ledger.allEntries.map((e) => [e.source, e.fromMonth, e.toMonth, e.predicate, e.amount]),
    closed: c.ledger.closed.map((x) => [x.jenjang, x.balance, x.forfeited]),
  };
  return createHash('sha256').update(JSON.stringify(figures)).digest('hex');
}

/** First month that counts for a position that starts on `date`: the jenjang held on the 1st (02 P-02). */
function firstCountedMonth(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (d === 1) return `${y}-${String(m).padStart(2, '0')}`;
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  return Math.max(0, (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0));
}

interface PredicateRow {
  period: string;
  predicate: string;
  evaluation_id: string;
  period_kind: string;
  to_month: string;
  from_month: string;
}
interface OpeningRow {
  kind: 'INTEGRASI' | 'AK_DASAR';
  conventional_total: string | null;
  jenjang: string;
}
interface EducationRow {
  degree: string;
  awarded_on: string;
}

function groupBy<T extends { employee_id: string }>(rows: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.employee_id);
    if (list) list.push(r);
    else out.set(r.employee_id, [r]);
  }
  return out;
}

/** The current uninterrupted JF tenure (assignments ordered by valid_from), or null when today's position is not JF. */
function jfTenure(rows: AssignmentRow[]): AssignmentRow[] | null {
  const last = rows[rows.length - 1];
  if (!last || last.position_kind !== 'FUNGSIONAL' || !last.jenjang) return null;
  let start = rows.length - 1;
  while (start > 0 && rows[start - 1].position_kind === 'FUNGSIONAL' && rows[start - 1].jenjang) start--;
  return rows.slice(start);
}

/** Facts from the rows of one employee (shared by the single and the batch path). */
/**
 * A periodic evaluation cut by an SKP split covers only its SKP's months (spec 04 §1.4: a month goes to
 * the SKP in force on its first day): it is credited month by month, so the two halves of a split
 * quarter never count a month twice. Whole periods and annual evaluations keep their period id.
 */
function periodsOf(p: PredicateRow): string[] {
  const span = (from: string, to: string) =>
    Number(to.slice(0, 4)) * 12 +
    Number(to.slice(5, 7)) -
    (Number(from.slice(0, 4)) * 12 + Number(from.slice(5, 7))) +
    1;
  const natural = p.period_kind === 'QUARTERLY' ? 3 : 1;
  if (p.period_kind === 'ANNUAL' || !p.to_month || span(p.from_month, p.to_month) >= natural) return [p.period];
  const out: string[] = [];
  for (let i = 0; i < span(p.from_month, p.to_month); i++) {
    const idx = Number(p.from_month.slice(0, 4)) * 12 + Number(p.from_month.slice(5, 7)) - 1 + i;
    out.push(`${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}

function buildFacts(
  employeeId: string,
  nip: string,
  status: 'PNS' | 'PPPK',
  tenure: AssignmentRow[],
  preds: PredicateRow[],
  openings: OpeningRow[],
  education: EducationRow[],
  today: string,
  hukdisInForce: CreditFacts['hukdisInForce'],
): CreditFacts {
  const last = tenure[tenure.length - 1];
  const changes: LedgerInput['changes'] = [];
  for (let i = 1; i < tenure.length; i++) {
    const prev = tenure[i - 1];
    const cur = tenure[i];
    if (cur.jenjang !== prev.jenjang || cur.golongan !== prev.golongan) {
      changes.push({
        tmt: `${firstCountedMonth(cur.valid_from)}-01`,
        jenjang: cur.jenjang as Jenjang,
        golongan: cur.golongan as Golongan,
      });
    }
  }
  const o = openings[0];
  const input: LedgerInput = {
    status,
    jenjang: tenure[0].jenjang as Jenjang,
    golongan: tenure[0].golongan as Golongan,
    opening: !o
      ? undefined
      : o.kind === 'AK_DASAR'
        ? { kind: 'AK_DASAR' }
        : { kind: 'INTEGRASI', conventionalTotal: o.conventional_total! },
    predicates: preds.flatMap((p) =>
      periodsOf(p).map((period) => ({ period, predicate: p.predicate, evaluationId: p.evaluation_id })),
    ),
    changes,
    education: education.map((e) => ({ degree: e.degree, awardedOn: e.awarded_on })),
  };
  let pangkatStart = tenure.length - 1;
  while (pangkatStart > 0 && tenure[pangkatStart - 1].golongan === last.golongan) pangkatStart--;
  let jenjangStart = tenure.length - 1;
  while (jenjangStart > 0 && tenure[jenjangStart - 1].jenjang === last.jenjang) jenjangStart--;
  const annual = preds
    .filter((p) => p.period_kind === 'ANNUAL')
    .map((p) => p.predicate)
    .reverse();
  return {
    employeeId,
    nip,
    status,
    input,
    monthsInPangkat: monthsBetween(tenure[pangkatStart].valid_from, today),
    monthsInJenjang: monthsBetween(tenure[jenjangStart].valid_from, today),
    recentAnnualPredicates: annual,
    hukdisInForce,
  };
}

/**
 * Builds the angka kredit ledger of a functional official from stored facts (FINAL predicates,
 * jenjang/golongan history, openings, degrees) with the rules library. Nothing is typed in.
 */
@Injectable()
export class CreditLedgerService {
  constructor(
    private readonly dataSource: DataSource,
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
  async facts(
    employeeId: string,
    today: string,
    m: EntityManager = this.dataSource.manager,
  ): Promise<CreditFacts | null> {
    const emp: { nip: string; status: 'PNS' | 'PPPK' }[] = await m.query(
      `SELECT nip, status FROM employees WHERE id = $1`,
      [employeeId],
    );
    if (!emp[0] || !this.hasLedger(emp[0].status)) return null;
    const rows: AssignmentRow[] = await m.query(
      `SELECT to_char(valid_from,'YYYY-MM-DD') AS valid_from, position_kind, jenjang, golongan
         FROM employee_assignments WHERE employee_id = $1 AND valid_from <= $2::date ORDER BY valid_from`,
      [employeeId, today],
    );
    const tenure = jfTenure(rows);
    if (!tenure) return null;
    const fromMonth = firstCountedMonth(tenure[0].valid_from);
    const preds: PredicateRow[] = await m.query(
      `SELECT period, predicate, id AS evaluation_id, period_kind, from_month, to_month FROM evaluations
        WHERE employee_id = $1 AND status = 'FINAL' AND predicate IS NOT NULL AND skp_kind = 'DEFINITIVE' AND from_month >= $2 AND from_month >= '2023-01'
        ORDER BY from_month, period_kind`,
      [employeeId, fromMonth],
    );
    const openings: OpeningRow[] = await m.query(
      `SELECT kind, conventional_total::text, jenjang FROM ak_openings WHERE employee_id = $1 AND jenjang = $2`,
      [employeeId, tenure[0].jenjang],
    );
    const education: EducationRow[] = await m.query(
      `SELECT degree, to_char(awarded_on,'YYYY-MM-DD') AS awarded_on FROM ak_education WHERE employee_id = $1 ORDER BY awarded_on`,
      [employeeId],
    );
    return buildFacts(
      employeeId,
      emp[0].nip,
      emp[0].status,
      tenure,
      preds,
      openings,
      education,
      today,
      await this.discipline.promotionBlockingSanction(employeeId, today, m),
    );
  }

  /**
   * The facts of many employees in six set-based reads (one per table, whatever the batch size),
   * built by the same code as `facts`: the map holds only the employees who hold a JF position today.
   */
  async factsMany(
    employeeIds: string[],
    today: string,
    m: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, CreditFacts>> {
    const out = new Map<string, CreditFacts>();
    const ids = [...new Set(employeeIds)];
    if (ids.length === 0) return out;
    const emps: { id: string; nip: string; status: 'PNS' | 'PPPK' }[] = (
      (await m.query(`SELECT id, nip, status FROM employees WHERE id = ANY($1::uuid[])`, [ids])) as {
        id: string;
        nip: string;
        status: 'PNS' | 'PPPK';
      }[]
    ).filter((e) => this.hasLedger(e.status));
    const assignments: (AssignmentRow & { employee_id: string })[] = await m.query(
      `SELECT employee_id, to_char(valid_from,'YYYY-MM-DD') AS valid_from, position_kind, jenjang, golongan
         FROM employee_assignments WHERE employee_id = ANY($1::uuid[]) AND valid_from <= $2::date ORDER BY employee_id, valid_from`,
      [ids, today],
    );
    const tenures = new Map<string, AssignmentRow[]>();
    for (const [id, rows] of groupBy(assignments)) {
      const t = jfTenure(rows);
      if (t) tenures.set(id, t);
    }
    const jf = [...tenures.keys()];
    if (jf.length === 0) return out;
    // Sequential: the manager is one connection (the job's transaction).
    const preds = await (m.query(
      `SELECT employee_id, period, predicate, id AS evaluation_id, period_kind, from_month, to_month FROM evaluations
          WHERE employee_id = ANY($1::uuid[]) AND status = 'FINAL' AND predicate IS NOT NULL AND skp_kind = 'DEFINITIVE' AND from_month >= '2023-01'
          ORDER BY employee_id, from_month, period_kind`,
      [jf],
    ) as Promise<(PredicateRow & { employee_id: string })[]>);
    const openings = await (m.query(
      `SELECT employee_id, kind, conventional_total::text, jenjang FROM ak_openings WHERE employee_id = ANY($1::uuid[])`,
      [jf],
    ) as Promise<(OpeningRow & { employee_id: string })[]>);
    const education = await (m.query(
      `SELECT employee_id, degree, to_char(awarded_on,'YYYY-MM-DD') AS awarded_on FROM ak_education WHERE employee_id = ANY($1::uuid[]) ORDER BY employee_id, awarded_on`,
      [jf],
    ) as Promise<(EducationRow & { employee_id: string })[]>);
    // Same test as DisciplineSanctionsReader.promotionBlockingSanction, for the whole batch.
    const sanctions = await (m.query(
      `SELECT DISTINCT ON (employee_id) employee_id, case_id AS "caseId", sanction, level,
                to_char(effective_from,'YYYY-MM-DD') AS "effectiveFrom", to_char(effective_to,'YYYY-MM-DD') AS "effectiveTo"
           FROM discipline_sanctions
          WHERE employee_id = ANY($1::uuid[]) AND level IN ('SEDANG','BERAT','PTDH') AND effective_from <= $2::date AND (effective_to IS NULL OR effective_to > $2::date)
          ORDER BY employee_id, effective_to DESC NULLS FIRST`,
      [jf, today],
    ) as Promise<({ employee_id: string } & NonNullable<CreditFacts['hukdisInForce']>)[]>);
    const nips = new Map(emps.map((e) => [e.id, e.nip]));
    const statuses = new Map(emps.map((e) => [e.id, e.status]));
    const predsBy = groupBy(preds);
    const openingsBy = groupBy(openings);
    const educationBy = groupBy(education);
    const sanctionBy = new Map(sanctions.map(({ employee_id, ...s }) => [employee_id, s]));
    for (const [id, tenure] of tenures) {
      const nip = nips.get(id);
      if (nip === undefined) continue;
      const fromMonth = firstCountedMonth(tenure[0].valid_from);
      out.set(
        id,
        buildFacts(
          id,
          nip,
          statuses.get(id)!,
          tenure,
          (predsBy.get(id) ?? []).filter((p) => p.from_month >= fromMonth),
          (openingsBy.get(id) ?? []).filter((o) => o.jenjang === tenure[0].jenjang),
          educationBy.get(id) ?? [],
          today,
          sanctionBy.get(id) ?? null,
        ),
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
      return { facts, ledger, eligibility };
    } catch (err) {
      if (err instanceof RuleInputError) {
        throw unprocessable(`Angka kredit tidak dapat dihitung / cannot compute the ledger: ${err.message}`, [
          { field: err.field ?? 'ledger', problem: err.message },
        ]);
      }
      throw err;
    }
  }

  /** Stores the ledger when its figures changed: a new version, with the previous one kept in history. */
  async store(m: EntityManager, c: CreditComputation, cause: string): Promise<{ version: number; changed: boolean }> {
    const hash = figuresHash(c);
    const existing: { version: number; figures_hash: string }[] = await m.query(
      `SELECT version, figures_hash FROM ak_ledgers WHERE employee_id = $1 FOR UPDATE`,
      [c.facts.employeeId],
    );
    if (existing[0]?.figures_hash === hash) return { version: existing[0].version, changed: false };
    const version = (existing[0]?.version ?? 0) + 1;
    const result = JSON.stringify({ ledger: c.ledger, eligibility: c.eligibility });
    await m.query(
      `INSERT INTO ak_ledgers (employee_id, version, jenjang, golongan, balance, figures_hash, result, computed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now())
       ON CONFLICT (employee_id) DO UPDATE SET version = EXCLUDED.version, jenjang = EXCLUDED.jenjang, golongan = EXCLUDED.golongan,
         balance = EXCLUDED.balance, figures_hash = EXCLUDED.figures_hash, result = EXCLUDED.result, computed_at = now()`,
      [c.facts.employeeId, version, c.ledger.jenjang, c.ledger.golongan, c.ledger.balance, hash, result],
    );
    await m.query(
      `INSERT INTO ak_ledger_history (employee_id, version, balance, result, cause) VALUES ($1, $2, $3, $4, $5)`,
      [c.facts.employeeId, version, c.ledger.balance, result, cause.slice(0, 120)],
    );
    return { version, changed: true };
  }

  /**
   * `store` for many employees (one computation each): one locking read, one upsert of the changed
   * ledgers and one history insert, whatever the batch size. Rows are locked in employee_id order.
   */
  async storeMany(
    m: EntityManager,
    items: { c: CreditComputation; cause: string }[],
  ): Promise<Map<string, { version: number; changed: boolean }>> {
    const out = new Map<string, { version: number; changed: boolean }>();
    if (items.length === 0) return out;
    const ids = items.map((i) => i.c.facts.employeeId).sort();
    const existing: { employee_id: string; version: number; figures_hash: string }[] = await m.query(
      `SELECT employee_id, version, figures_hash FROM ak_ledgers WHERE employee_id = ANY($1::uuid[]) ORDER BY employee_id FOR UPDATE`,
      [ids],
    );
    const current = new Map(existing.map((e) => [e.employee_id, e]));
    const cols = {
      id: [] as string[],
      version: [] as number[],
      jenjang: [] as string[],
      golongan: [] as string[],
      balance: [] as string[],
      hash: [] as string[],
      result: [] as string[],
      cause: [] as string[],
    };
    for (const { c, cause } of items) {
      const id = c.facts.employeeId;
      const hash = figuresHash(c);
      const cur = current.get(id);
      if (cur?.figures_hash === hash) {
        out.set(id, { version: cur.version, changed: false });
        continue;
      }
      const version = (cur?.version ?? 0) + 1;
      out.set(id, { version, changed: true });
      cols.id.push(id);
      cols.version.push(version);
      cols.jenjang.push(c.ledger.jenjang);
      cols.golongan.push(c.ledger.golongan);
      cols.balance.push(String(c.ledger.balance));
      cols.hash.push(hash);
      cols.result.push(JSON.stringify({ ledger: c.ledger, eligibility: c.eligibility }));
      cols.cause.push(cause.slice(0, 120));
    }
    if (cols.id.length === 0) return out;
    await m.query(
      `INSERT INTO ak_ledgers (employee_id, version, jenjang, golongan, balance, figures_hash, result, computed_at)
       SELECT id, version, jenjang, golongan, balance, hash, result::jsonb, now()
         FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::numeric[], $6::text[], $7::text[]) AS t(id, version, jenjang, golongan, balance, hash, result)
       ON CONFLICT (employee_id) DO UPDATE SET version = EXCLUDED.version, jenjang = EXCLUDED.jenjang, golongan = EXCLUDED.golongan,
         balance = EXCLUDED.balance, figures_hash = EXCLUDED.figures_hash, result = EXCLUDED.result, computed_at = now()`,
      [cols.id, cols.version, cols.jenjang, cols.golongan, cols.balance, cols.hash, cols.result],
    );
    await m.query(
      `INSERT INTO ak_ledger_history (employee_id, version, balance, result, cause)
       SELECT id, version, balance, result::jsonb, cause
         FROM unnest($1::uuid[], $2::int[], $3::numeric[], $4::text[], $5::text[]) AS t(id, version, balance, result, cause)`,
      [cols.id, cols.version, cols.balance, cols.result, cols.cause],
    );
    return out;
  }
}
