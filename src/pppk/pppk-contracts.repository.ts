import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { ContractRecommendation, Explanation, Predicate } from '../rules';
import type { ContractProblem, ContractReviewView, PppkContractView } from './pppk.views';

const d = (col: string, as: string) => `to_char(${col},'YYYY-MM-DD') AS "${as}"`;
const CONTRACT_SELECT = `SELECT c.id, e.nip, ${d('c.starts_on', 'startsOn')}, ${d('c.ends_on', 'endsOn')}, c.reference, c.source, c.current
  FROM pppk_contracts c JOIN employees e ON e.id = c.employee_id`;
const REVIEW_SELECT = `SELECT r.id, e.nip, e.name, u.code AS "unitCode", r.contract_id AS "contractId", ${d('r.contract_end', 'contractEnd')},
  ${d('r.review_due', 'reviewDue')}, r.latest_period, r.latest_predicate, r.proposal, r.warnings, r.explanation, r.status, r.decision,
  ${d('r.new_end', 'newEndDate')}, r.new_contract_id AS "newContractId", ${d('r.decided_on', 'decidedOn')}, r.decided_by AS "decidedBy",
  r.decision_reason AS reason, r.created_at AS "createdAt"
  FROM pppk_contract_reviews r JOIN employees e ON e.id = r.employee_id
  LEFT JOIN LATERAL (SELECT un.code FROM employee_assignments a JOIN units un ON un.id = a.unit_id
    WHERE a.employee_id = e.id AND a.valid_to IS NULL ORDER BY a.valid_from DESC LIMIT 1) u ON true`;

type ReviewRow = Omit<ContractReviewView, 'latestAnnual' | 'decision' | 'createdAt'> & {
  latest_period: string | null;
  latest_predicate: Predicate | null;
  decision: 'EXTEND' | 'NOT_EXTENDED' | null;
  newEndDate: string | null;
  newContractId: string | null;
  decidedOn: string | null;
  decidedBy: string | null;
  reason: string | null;
  createdAt: Date;
};

function reviewView(r: ReviewRow): ContractReviewView {
  return {
    id: r.id,
    nip: r.nip,
    name: r.name,
    unitCode: r.unitCode,
    contractId: r.contractId,
    contractEnd: r.contractEnd,
    reviewDue: r.reviewDue,
    latestAnnual:
      r.latest_period && r.latest_predicate ? { period: r.latest_period, predicate: r.latest_predicate } : null,
    proposal: r.proposal,
    warnings: r.warnings,
    explanation: r.explanation,
    status: r.status,
    decision: r.decision
      ? {
          decision: r.decision,
          newEndDate: r.newEndDate,
          newContractId: r.newContractId,
          decidedOn: r.decidedOn!,
          decidedBy: r.decidedBy!,
          reason: r.reason,
        }
      : null,
    createdAt: new Date(r.createdAt).toISOString(),
  };
}

export interface DueContract {
  contractId: string;
  employeeId: string;
  nip: string;
  endsOn: string;
}

export interface NewReview {
  contractId: string;
  employeeId: string;
  contractEnd: string;
  reviewDue: string;
  latest: { period: string; predicate: Predicate } | null;
  proposal: ContractRecommendation | null;
  warnings: { code: string; message: string }[];
  explanation: Explanation;
}

/** SQL of the PPPK feature's tables (`pppk_contracts`, `pppk_contract_reviews`). */
@Injectable()
export class PppkContractsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async employee(
    nip: string,
    m: EntityManager = this.dataSource.manager,
  ): Promise<{ id: string; status: string; name: string } | null> {
    const rows: { id: string; status: string; name: string }[] = await m.query(
      `SELECT id, status, name FROM employees WHERE nip = $1`,
      [nip],
    );
    return rows[0] ?? null;
  }

  async contracts(employeeId: string, m: EntityManager = this.dataSource.manager): Promise<PppkContractView[]> {
    return m.query(`${CONTRACT_SELECT} WHERE c.employee_id = $1 ORDER BY c.current DESC, c.created_at DESC`, [
      employeeId,
    ]);
  }

  async current(employeeId: string, m: EntityManager, lock = false): Promise<PppkContractView | null> {
    const rows: PppkContractView[] = await m.query(
      `${CONTRACT_SELECT} WHERE c.employee_id = $1 AND c.current ${lock ? 'FOR UPDATE OF c' : ''}`,
      [employeeId],
    );
    return rows[0] ?? null;
  }

  async hasReview(contractId: string, m: EntityManager): Promise<boolean> {
    return (await m.query(`SELECT 1 FROM pppk_contract_reviews WHERE contract_id = $1`, [contractId])).length > 0;
  }

  async updateContract(
    m: EntityManager,
    id: string,
    c: { startsOn: string | null; endsOn: string | null; reference: string | null },
  ): Promise<void> {
    await m.query(
      `UPDATE pppk_contracts SET starts_on = $2, ends_on = $3, reference = $4, updated_at = now() WHERE id = $1`,
      [id, c.startsOn, c.endsOn, c.reference],
    );
  }

  /** Adds the employee's contract in force (the previous one, if any, stops being current). */
  async addCurrent(
    m: EntityManager,
    employeeId: string,
    c: { startsOn: string | null; endsOn: string | null; reference: string | null; source: 'ADMIN' | 'EXTENSION' },
  ): Promise<string> {
    await m.query(`UPDATE pppk_contracts SET current = false, updated_at = now() WHERE employee_id = $1 AND current`, [
      employeeId,
    ]);
    const [row]: { id: string }[] = await m.query(
      `INSERT INTO pppk_contracts (employee_id, starts_on, ends_on, reference, source) VALUES ($1,$2,$3,$4,$5) RETURNING id`,
      [employeeId, c.startsOn, c.endsOn, c.reference, c.source],
    );
    return row.id;
  }

  /**
   * Current contracts of PPPK employees that have no review yet and end on or before `endsBy` (the caller
   * applies the rule's due date); `employeeId` narrows to one person.
   */
  async unreviewed(m: EntityManager, endsBy: string, employeeId: string | null, limit = 5000): Promise<DueContract[]> {
    return m.query(
      `SELECT c.id AS "contractId", c.employee_id AS "employeeId", e.nip, to_char(c.ends_on,'YYYY-MM-DD') AS "endsOn"
         FROM pppk_contracts c JOIN employees e ON e.id = c.employee_id
        WHERE c.current AND c.ends_on IS NOT NULL AND c.ends_on <= $1::date AND e.status = 'PPPK'
          AND ($2::uuid IS NULL OR c.employee_id = $2::uuid)
          AND NOT EXISTS (SELECT 1 FROM pppk_contract_reviews r WHERE r.contract_id = c.id)
        ORDER BY c.ends_on LIMIT $3`,
      [endsBy, employeeId, limit],
    );
  }

  /** Inserts the review once per contract; null when it already exists (a replayed job). */
  async insertReview(m: EntityManager, r: NewReview): Promise<string | null> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO pppk_contract_reviews (contract_id, employee_id, contract_end, review_due, latest_period, latest_predicate, proposal, warnings, explanation)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) ON CONFLICT (contract_id) DO NOTHING RETURNING id`,
      [
        r.contractId,
        r.employeeId,
        r.contractEnd,
        r.reviewDue,
        r.latest?.period ?? null,
        r.latest?.predicate ?? null,
        r.proposal,
        JSON.stringify(r.warnings),
        JSON.stringify(r.explanation),
      ],
    );
    return rows[0]?.id ?? null;
  }

  /** PPPK employees in post whose contract in force has no end date, or who have no contract recorded. */
  async missingEnd(m: EntityManager, employeeId: string | null = null, limit = 1000): Promise<ContractProblem[]> {
    const rows: { nip: string; name: string; unitCode: string | null; recorded: boolean }[] = await m.query(
      `SELECT e.nip, e.name, u.code AS "unitCode", c.id IS NOT NULL AS recorded
         FROM employees e
         JOIN LATERAL (SELECT un.code FROM employee_assignments a JOIN units un ON un.id = a.unit_id
           WHERE a.employee_id = e.id AND a.valid_to IS NULL ORDER BY a.valid_from DESC LIMIT 1) u ON true
         LEFT JOIN pppk_contracts c ON c.employee_id = e.id AND c.current
        WHERE e.status = 'PPPK' AND (c.id IS NULL OR c.ends_on IS NULL) AND ($1::uuid IS NULL OR e.id = $1::uuid)
        ORDER BY e.nip LIMIT $2`,
      [employeeId, limit],
    );
    return rows.map((r) => ({
      nip: r.nip,
      name: r.name,
      unitCode: r.unitCode,
      code: 'CONTRACT_END_MISSING' as const,
      message: r.recorded
        ? 'Tanggal berakhir perjanjian kerja belum dicatat: peninjauan kontrak (6 bulan sebelum berakhir) tidak dapat dijadwalkan'
        : 'Perjanjian kerja PPPK belum dicatat: peninjauan kontrak (6 bulan sebelum berakhir) tidak dapat dijadwalkan',
    }));
  }

  async reviews(
    q: { status?: string; nip?: string; employeeId?: string },
    m: EntityManager = this.dataSource.manager,
  ): Promise<ContractReviewView[]> {
    const where: string[] = ['TRUE'];
    const params: unknown[] = [];
    if (q.status) where.push(`r.status = $${params.push(q.status)}`);
    if (q.nip) where.push(`e.nip = $${params.push(q.nip)}`);
    if (q.employeeId) where.push(`r.employee_id = $${params.push(q.employeeId)}::uuid`);
    const rows: ReviewRow[] = await m.query(
      `${REVIEW_SELECT} WHERE ${where.join(' AND ')} ORDER BY r.review_due, e.nip LIMIT 5000`,
      params,
    );
    return rows.map(reviewView);
  }

  async review(
    id: string,
    m: EntityManager,
    lock = false,
  ): Promise<(ContractReviewView & { employeeId: string }) | null> {
    const rows: (ReviewRow & { employeeId: string })[] = await m.query(
      `${REVIEW_SELECT.replace('SELECT r.id,', 'SELECT r.id, r.employee_id AS "employeeId",')} WHERE r.id = $1 ${lock ? 'FOR UPDATE OF r' : ''}`,
      [id],
    );
    return rows[0] ? { ...reviewView(rows[0]), employeeId: rows[0].employeeId } : null;
  }

  async decide(
    m: EntityManager,
    id: string,
    d: {
      decision: 'EXTEND' | 'NOT_EXTENDED';
      newEnd: string | null;
      newContractId: string | null;
      decidedOn: string;
      decidedBy: string;
      reason: string | null;
    },
  ): Promise<void> {
    await m.query(
      `UPDATE pppk_contract_reviews SET status = 'DECIDED', decision = $2, new_end = $3, new_contract_id = $4, decided_on = $5,
         decided_by = $6, decision_reason = $7, updated_at = now() WHERE id = $1 AND status = 'PROPOSED'`,
      [id, d.decision, d.newEnd, d.newContractId, d.decidedOn, d.decidedBy.slice(0, 60), d.reason],
    );
  }
}
