import { Injectable } from '@nestjs/common';
import type { ScopeSql } from '../authz/access-policy';
import { BaseRepository } from '../database/transaction';
import type { IndicatorView } from './skp-content.repository';
import type { SkpApproach, SkpFormType, SkpKind, SkpStatus } from './skp.enums';

export interface SkpListItem {
  id: string;
  year: number;
  periodStart: string;
  periodEnd: string;
  kind: SkpKind;
  nip: string;
  name: string;
  status: SkpStatus;
  approach: SkpApproach;
  formType: SkpFormType;
  positionTitle: string;
  unitCode: string;
  updatedAt: string;
}

export interface SkpHistoryRow {
  from: string | null;
  to: string;
  action: string;
  actor: string;
  reason: string | null;
  at: string;
}

export interface CascadeChildRow {
  parentResultId: string;
  skpId: string;
  skpStatus: SkpStatus;
  nip: string;
  name: string;
  positionTitle: string;
  resultId: string;
  kind: string;
  text: string;
}

export interface CascadeReportRow {
  nip: string;
  name: string;
  positionTitle: string;
  skpId: string | null;
  skpStatus: SkpStatus | null;
  linkedResults: number;
  unlinkedUtama: number;
}

/**
 * The SKP read models: the caller's list page and the cascade (Matriks Peran Hasil). Both are set-based reads
 * across people and their SKPs, ordered and paged by NIP, so they join the org tables they are ordered by.
 */
@Injectable()
export class SkpQueriesRepository extends BaseRepository {
  history(skpId: string): Promise<SkpHistoryRow[]> {
    return this.db().query(
      `SELECT from_status AS "from", to_status AS "to", action, actor, reason, to_char(at AT TIME ZONE 'UTC','YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at
         FROM skp_transitions WHERE skp_id = $1 ORDER BY id`,
      [skpId],
    );
  }

  /**
   * One list page: SKPs visible under `scope` (its parameters start at $2; $1 is today), filtered, in
   * (year desc, nip, period start, id) order after the keyset cursor; `limit + 1` rows.
   */
  list(
    today: string,
    scope: ScopeSql,
    q: { year?: number; nip?: string; status?: string; after?: [number, string, string, string] | null },
    limit: number,
  ): Promise<SkpListItem[]> {
    const params: unknown[] = [today, ...scope.params];
    const where: string[] = [scope.sql];
    if (q.year) {
      params.push(q.year);
      where.push(`s.year = $${params.length}`);
    }
    if (q.nip) {
      params.push(q.nip);
      where.push(`e.nip = $${params.length}`);
    }
    if (q.status) {
      params.push(q.status);
      where.push(`s.status = $${params.length}`);
    }
    if (q.after) {
      // (year desc, nip, period start, id): an employee may hold several SKPs in a year (spec 04 §1).
      params.push(...q.after);
      const n = params.length;
      where.push(
        `(s.year < $${n - 3} OR (s.year = $${n - 3} AND (e.nip, to_char(s.period_start, 'YYYY-MM-DD'), s.id::text) > ($${n - 2}, $${n - 1}, $${n})))`,
      );
    }
    params.push(limit + 1);
    return this.db().query(
      `SELECT s.id, s.year, to_char(s.period_start,'YYYY-MM-DD') AS "periodStart", to_char(s.period_end,'YYYY-MM-DD') AS "periodEnd",
              s.kind, e.nip, e.name, s.status, s.approach, s.form_type AS "formType",
              s.created_snapshot->'employee'->>'positionTitle' AS "positionTitle", s.created_snapshot->'employee'->>'unitCode' AS "unitCode",
              to_char(s.updated_at AT TIME ZONE 'UTC','YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt"
         FROM skp s JOIN employees e ON e.id = s.employee_id CROSS JOIN (SELECT $1::date AS today) ctx
        WHERE ${where.join(' AND ')}
        ORDER BY s.year DESC, e.nip, s.period_start, s.id::text LIMIT $${params.length}`,
      params,
    );
  }

  /** Results of SKPs visible under `scope` (parameters from $3) that intervene one of `resultIds`, by NIP. */
  cascadeChildren(resultIds: string[], today: string, scope: ScopeSql): Promise<CascadeChildRow[]> {
    return this.db().query(
      `SELECT r.parent_result_id AS "parentResultId", s.id AS "skpId", s.status AS "skpStatus", e.nip, e.name,
              s.created_snapshot->'employee'->>'positionTitle' AS "positionTitle", r.id AS "resultId", r.kind, r.text
         FROM skp_results r JOIN skp s ON s.id = r.skp_id JOIN employees e ON e.id = s.employee_id CROSS JOIN (SELECT $2::date AS today) ctx
        WHERE r.parent_result_id = ANY($1::uuid[]) AND ${scope.sql}
        ORDER BY e.nip, r.position`,
      [resultIds, today, ...scope.params],
    );
  }

  /** Direct reports with their DEFINITIVE SKP of the year and how it links to the leader's results. */
  cascadeReports(ids: string[], year: number, onDate: string, leaderResultIds: string[]): Promise<CascadeReportRow[]> {
    return this.db().query(
      `SELECT e.nip, e.name, a.position_title AS "positionTitle", s.id AS "skpId", s.status AS "skpStatus",
              (SELECT count(*)::int FROM skp_results r WHERE r.skp_id = s.id AND r.parent_result_id = ANY($4::uuid[])) AS "linkedResults",
              (SELECT count(*)::int FROM skp_results r WHERE r.skp_id = s.id AND r.kind = 'UTAMA' AND r.parent_result_id IS NULL) AS "unlinkedUtama"
         FROM employees e
         JOIN employee_assignments a ON a.employee_id = e.id AND a.valid_from <= $3::date AND (a.valid_to IS NULL OR a.valid_to > $3::date)
         LEFT JOIN LATERAL (SELECT s1.id, s1.status FROM skp s1 WHERE s1.employee_id = e.id AND s1.year = $2 AND s1.kind = 'DEFINITIVE'
                             ORDER BY (s1.period_start <= $3::date AND s1.period_end >= $3::date) DESC, s1.period_start DESC LIMIT 1) s ON true
        WHERE e.id = ANY($1::uuid[]) ORDER BY e.nip`,
      [ids, year, onDate, leaderResultIds],
    );
  }

  async indicatorsOf(resultIds: string[]): Promise<Map<string, IndicatorView[]>> {
    const rows: (IndicatorView & { resultId: string })[] = await this.db().query(
      `SELECT id, result_id AS "resultId", text, aspect, perspective, target FROM skp_indicators WHERE result_id = ANY($1::uuid[]) ORDER BY position`,
      [resultIds],
    );
    const out = new Map<string, IndicatorView[]>();
    for (const { resultId, ...ind } of rows) out.set(resultId, [...(out.get(resultId) ?? []), ind]);
    return out;
  }
}
