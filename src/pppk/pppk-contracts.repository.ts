import { Injectable } from '@nestjs/common';
import { ConflictError } from '../common/domain-errors';
import { BaseRepository } from '../database/transaction';
import type { ContractRecommendation, Explanation, Predicate } from '../rules';
import type { ContractReviewView, PppkContractView } from './pppk.views';

const d = (col: string, as: string) => `to_char(${col},'YYYY-MM-DD') AS "${as}"`;
const CONTRACT_SELECT = `SELECT c.id, ${d('c.starts_on', 'startsOn')}, ${d('c.ends_on', 'endsOn')}, c.reference, c.source, c.current
  FROM pppk_contracts c`;
const REVIEW_SELECT = `SELECT r.id, r.employee_id AS "employeeId", r.subject, r.contract_id AS "contractId", ${d('r.contract_end', 'contractEnd')},
  ${d('r.review_due', 'reviewDue')}, r.latest_period, r.latest_predicate, r.proposal, r.warnings, r.explanation, r.status, r.decision,
  ${d('r.new_end', 'newEndDate')}, r.new_contract_id AS "newContractId", ${d('r.decided_on', 'decidedOn')}, r.decided_by AS "decidedBy",
  r.decision_reason AS reason, r.created_at AS "createdAt"
  FROM pppk_contract_reviews r`;

/** The employee as they were when the review was proposed (kept on the review). */
export interface ReviewSubject {
  nip: string;
  name: string;
  unitCode: string | null;
}

type ReviewRow = Omit<ContractReviewView, 'nip' | 'name' | 'unitCode' | 'latestAnnual' | 'decision' | 'createdAt'> & {
  employeeId: string;
  subject: ReviewSubject;
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

/** Status and decision together: a DECIDED review carries its decision, a PROPOSED one none. */
type ReviewState =
  { status: 'PROPOSED'; decision: null } | { status: 'DECIDED'; decision: NonNullable<ContractReviewView['decision']> };

export type ReviewRecord = Omit<ContractReviewView, 'status' | 'decision'> & { employeeId: string } & ReviewState;

function reviewState(r: ReviewRow): ReviewState {
  if (r.status === 'PROPOSED') return { status: 'PROPOSED', decision: null };
  // decide() writes the status with the decision, its date and its author in one statement.
  if (r.decision === null || r.decidedOn === null || r.decidedBy === null)
    throw new ConflictError(
      `Peninjauan kontrak ${r.id} berstatus DECIDED tanpa keputusan lengkap / decided review without its decision`,
    );
  return {
    status: 'DECIDED',
    decision: {
      decision: r.decision,
      newEndDate: r.newEndDate,
      newContractId: r.newContractId,
      decidedOn: r.decidedOn,
      decidedBy: r.decidedBy,
      reason: r.reason,
    },
  };
}

function reviewView(r: ReviewRow): ReviewRecord {
  return {
    id: r.id,
    employeeId: r.employeeId,
    nip: r.subject.nip,
    name: r.subject.name,
    unitCode: r.subject.unitCode,
    contractId: r.contractId,
    contractEnd: r.contractEnd,
    reviewDue: r.reviewDue,
    latestAnnual:
      r.latest_period && r.latest_predicate ? { period: r.latest_period, predicate: r.latest_predicate } : null,
    proposal: r.proposal,
    warnings: r.warnings,
    explanation: r.explanation,
    ...reviewState(r),
    createdAt: new Date(r.createdAt).toISOString(),
  };
}

export interface DueContract {
  contractId: string;
  employeeId: string;
  endsOn: string;
}

export interface NewReview {
  contractId: string;
  employeeId: string;
  subject: ReviewSubject;
  contractEnd: string;
  reviewDue: string;
  latest: { period: string; predicate: Predicate } | null;
  proposal: ContractRecommendation | null;
  warnings: { code: string; message: string }[];
  explanation: Explanation;
}

/** SQL of the PPPK feature's tables (`pppk_contracts`, `pppk_contract_reviews`); people come from the org directory. */
@Injectable()
export class PppkContractsRepository extends BaseRepository {
  contracts(employeeId: string): Promise<PppkContractView[]> {
    return this.db().query(`${CONTRACT_SELECT} WHERE c.employee_id = $1 ORDER BY c.current DESC, c.created_at DESC`, [
      employeeId,
    ]);
  }

  async current(employeeId: string, lock = false): Promise<PppkContractView | null> {
    const rows: PppkContractView[] = await this.db().query(
      `${CONTRACT_SELECT} WHERE c.employee_id = $1 AND c.current ${lock ? 'FOR UPDATE' : ''}`,
      [employeeId],
    );
    return rows[0] ?? null;
  }

  /** The end date of each employee's contract in force (null = recorded without an end); absent = no contract. */
  async currentEnds(employeeIds: string[]): Promise<Map<string, string | null>> {
    if (employeeIds.length === 0) return new Map();
    const rows: { employee_id: string; ends_on: string | null }[] = await this.db().query(
      `SELECT employee_id, to_char(ends_on,'YYYY-MM-DD') AS ends_on FROM pppk_contracts WHERE current AND employee_id = ANY($1::uuid[])`,
      [employeeIds],
    );
    return new Map(rows.map((r) => [r.employee_id, r.ends_on]));
  }

  async hasReview(contractId: string): Promise<boolean> {
    const rows: unknown[] = await this.db().query(`SELECT 1 FROM pppk_contract_reviews WHERE contract_id = $1`, [
      contractId,
    ]);
    return rows.length > 0;
  }

  async updateContract(
    id: string,
    c: { startsOn: string | null; endsOn: string | null; reference: string | null },
  ): Promise<void> {
    await this.db().query(
      `UPDATE pppk_contracts SET starts_on = $2, ends_on = $3, reference = $4, updated_at = now() WHERE id = $1`,
      [id, c.startsOn, c.endsOn, c.reference],
    );
  }

  /** Adds the employee's contract in force (the previous one, if any, stops being current). */
  async addCurrent(
    employeeId: string,
    c: { startsOn: string | null; endsOn: string | null; reference: string | null; source: 'ADMIN' | 'EXTENSION' },
  ): Promise<string> {
    await this.db().query(
      `UPDATE pppk_contracts SET current = false, updated_at = now() WHERE employee_id = $1 AND current`,
      [employeeId],
    );
    const [row]: { id: string }[] = await this.db().query(
      `INSERT INTO pppk_contracts (employee_id, starts_on, ends_on, reference, source) VALUES ($1,$2,$3,$4,$5) RETURNING id`,
      [employeeId, c.startsOn, c.endsOn, c.reference, c.source],
    );
    return row.id;
  }

  /** Current contracts without a review that end on or before `endsBy` (the caller applies the rule's due date). */
  unreviewed(endsBy: string, employeeId: string | null, limit = 5000): Promise<DueContract[]> {
    return this.db().query(
      `SELECT c.id AS "contractId", c.employee_id AS "employeeId", to_char(c.ends_on,'YYYY-MM-DD') AS "endsOn"
         FROM pppk_contracts c
        WHERE c.current AND c.ends_on IS NOT NULL AND c.ends_on <= $1::date
          AND ($2::uuid IS NULL OR c.employee_id = $2::uuid)
          AND NOT EXISTS (SELECT 1 FROM pppk_contract_reviews r WHERE r.contract_id = c.id)
        ORDER BY c.ends_on LIMIT $3`,
      [endsBy, employeeId, limit],
    );
  }

  /** Inserts the review once per contract; null when it already exists (a replayed job). */
  async insertReview(r: NewReview): Promise<string | null> {
    const rows: { id: string }[] = await this.db().query(
      `INSERT INTO pppk_contract_reviews (contract_id, employee_id, subject, contract_end, review_due, latest_period, latest_predicate, proposal, warnings, explanation)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) ON CONFLICT (contract_id) DO NOTHING RETURNING id`,
      [
        r.contractId,
        r.employeeId,
        JSON.stringify(r.subject),
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

  async reviews(q: { status?: string; employeeId?: string }): Promise<ReviewRecord[]> {
    const where: string[] = ['TRUE'];
    const params: unknown[] = [];
    if (q.status) where.push(`r.status = $${params.push(q.status)}`);
    if (q.employeeId) where.push(`r.employee_id = $${params.push(q.employeeId)}::uuid`);
    const rows: ReviewRow[] = await this.db().query(
      `${REVIEW_SELECT} WHERE ${where.join(' AND ')} ORDER BY r.review_due, r.subject->>'nip' LIMIT 5000`,
      params,
    );
    return rows.map(reviewView);
  }

  async review(id: string, lock = false): Promise<ReviewRecord | null> {
    const rows: ReviewRow[] = await this.db().query(`${REVIEW_SELECT} WHERE r.id = $1 ${lock ? 'FOR UPDATE' : ''}`, [
      id,
    ]);
    return rows[0] ? reviewView(rows[0]) : null;
  }

  async decide(
    id: string,
    v: {
      decision: 'EXTEND' | 'NOT_EXTENDED';
      newEnd: string | null;
      newContractId: string | null;
      decidedOn: string;
      decidedBy: string;
      reason: string | null;
    },
  ): Promise<void> {
    await this.db().query(
      `UPDATE pppk_contract_reviews SET status = 'DECIDED', decision = $2, new_end = $3, new_contract_id = $4, decided_on = $5,
         decided_by = $6, decision_reason = $7, updated_at = now() WHERE id = $1 AND status = 'PROPOSED'`,
      [id, v.decision, v.newEnd, v.newContractId, v.decidedOn, v.decidedBy.slice(0, 60), v.reason],
    );
  }
}
