import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../database/transaction';
import type { Outcome, OutcomeType } from '../rules';

export interface InsertedOutcome {
  id: string;
  employeeId: string;
  key: string;
  type: string;
  status: string;
  reason: string;
  legalBasis: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  source_kind: string;
  source_id: string;
  period: string | null;
}

export interface OutcomeRow {
  id: string;
  employeeId: string;
  type: OutcomeType;
  status: string;
  reason: string;
  legalBasis: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  source: { kind: string; id: string };
  period: string | null;
  /** The rules' explanation as stored (jsonb object). */
  explanation: Record<string, unknown>;
  createdAt: Date;
  /** PostgreSQL's own microsecond timestamp text, for the cursor (a JS Date would round to ms). */
  cursorAt: string;
}

export interface OutcomeFilter {
  type?: string;
  period?: string;
  /** Only these employees (a unit filter resolved by the org directory). */
  employeeIds?: string[];
  after?: [string, string] | null;
  limit: number;
}

const SELECT = `SELECT o.id, o.employee_id AS "employeeId", o.type, o.status, o.reason, o.legal_basis AS "legalBasis",
  to_char(o.effective_from,'YYYY-MM-DD') AS "effectiveFrom", to_char(o.effective_to,'YYYY-MM-DD') AS "effectiveTo",
  json_build_object('kind', o.source_kind, 'id', o.source_id) AS source, o.period, o.explanation, o.created_at AS "createdAt",
  o.created_at::text AS "cursorAt"
  FROM outcomes o`;

/** The `outcomes` table: one row per causing fact (unique key). */
@Injectable()
export class OutcomesRepository extends BaseRepository {
  /** Inserts; rows whose key exists are ignored. Returns the new ones only. */
  insertMany(items: { employee_id: string; period: string | null; o: Outcome }[]): Promise<InsertedOutcome[]> {
    return this.db().query(
      `INSERT INTO outcomes (employee_id, type, key, status, reason, legal_basis, effective_from, effective_to, source_kind, source_id, period, explanation)
       SELECT (r->>'employee_id')::uuid, r->'o'->>'type', r->'o'->>'key', r->'o'->>'status', r->'o'->>'reason', r->'o'->>'legalBasis',
              (r->'o'->>'effectiveFrom')::date, (r->'o'->>'effectiveTo')::date, r->'o'->'source'->>'kind', r->'o'->'source'->>'id', r->>'period', r->'o'->'explanation'
         FROM jsonb_array_elements($1::jsonb) AS r
       ON CONFLICT (key) DO NOTHING
       RETURNING id, employee_id AS "employeeId", key, type, status, reason, legal_basis AS "legalBasis",
                 to_char(effective_from,'YYYY-MM-DD') AS "effectiveFrom", to_char(effective_to,'YYYY-MM-DD') AS "effectiveTo",
                 source_kind, source_id, period`,
      [JSON.stringify(items)],
    );
  }

  forEmployee(employeeId: string): Promise<OutcomeRow[]> {
    return this.db().query(`${SELECT} WHERE o.employee_id = $1 ORDER BY o.created_at, o.id`, [employeeId]);
  }

  list(f: OutcomeFilter): Promise<OutcomeRow[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (f.type) where.push(`o.type = $${params.push(f.type)}`);
    if (f.period)
      where.push(`(o.period = $${params.push(f.period)} OR o.period LIKE $${params.push(`${f.period}-%`)})`);
    if (f.employeeIds) where.push(`o.employee_id = ANY($${params.push(f.employeeIds)}::uuid[])`);
    if (f.after)
      where.push(
        `(o.created_at, o.id) > ($${params.push(f.after[0])}::timestamptz, $${params.push(f.after[1])}::uuid)`,
      );
    return this.db().query(
      `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY o.created_at, o.id LIMIT ${f.limit + 1}`,
      params,
    );
  }
}
