import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../../database/transaction';

/** A RATED evaluation of the chunk being issued. */
export interface RatedRow {
  id: string;
  employee_id: string;
  unit_id: string;
  ref_date: string;
  predicate: string;
  revision: number;
}

/** One evaluation to issue: its frozen snapshot, the distribution unit whose report it references, the override reason. */
export interface IssueItem {
  id: string;
  snapshot: unknown;
  dist_unit: string;
  justification: string | null;
}

/** The set-based statements of the year-end finalisation: one per read or write kind per chunk. */
@Injectable()
export class EvaluationBatchRepository extends BaseRepository {
  /** The next chunk of RATED evaluations of the period by id (keyset after `after`), locked. */
  lockRatedChunk(period: string, after: string, limit: number, unitIds: string[] | null): Promise<RatedRow[]> {
    return this.db().query(
      `SELECT id, employee_id, unit_id, to_char(ref_date,'YYYY-MM-DD') AS ref_date, predicate, revision FROM evaluations
        WHERE period = $1 AND status = 'RATED' AND id > $2 ${unitIds ? 'AND unit_id = ANY($4::uuid[])' : ''}
        ORDER BY id LIMIT $3 FOR UPDATE`,
      unitIds ? [period, after, limit, unitIds] : [period, after, limit],
    );
  }

  /** Stores each unit's distribution report once; returns the ids by unit. */
  async storeReports(period: string, reports: { unit_id: string; report: unknown }[]): Promise<Map<string, string>> {
    const stored: { id: string; unit_id: string }[] = await this.db().query(
      `INSERT INTO evaluation_distribution_reports (unit_id, period, report)
       SELECT x.unit_id, $2::varchar, x.report FROM jsonb_to_recordset($1::jsonb) AS x(unit_id uuid, report jsonb)
       RETURNING id, unit_id`,
      [JSON.stringify(reports), period],
    );
    return new Map(stored.map((s) => [s.unit_id, s.id]));
  }

  /** RATED → ISSUED for the items, each referencing its unit's stored report (`reportIds` by distribution unit). */
  async issue(items: IssueItem[], reportIds: Map<string, string>, now: Date, deadline: Date): Promise<void> {
    await this.db().query(
      `UPDATE evaluations e SET status = 'ISSUED', snapshot = x.snapshot, issued_at = $3::timestamptz, objection_deadline = $4::timestamptz,
              distribution_justification = x.justification, distribution_report = NULL, distribution_report_id = ($2::jsonb ->> x.dist_unit)::uuid,
              version = e.version + 1, updated_at = now()
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, snapshot jsonb, dist_unit text, justification text)
        WHERE e.id = x.id`,
      [JSON.stringify(items), JSON.stringify(Object.fromEntries(reportIds)), now, deadline],
    );
  }

  /** The FINALIZE transition of each issued evaluation (its revision, its override reason). */
  async issuedTransitions(
    rows: { id: string; revision: number; reason: string | null }[],
    actor: string,
    at: Date,
  ): Promise<void> {
    await this.db().query(
      `INSERT INTO evaluation_transitions (evaluation_id, from_status, to_status, action, actor, reason, revision, at)
       SELECT x.id, 'RATED', 'ISSUED', 'FINALIZE', $4::text, x.reason, x.revision, $5::timestamptz FROM unnest($1::uuid[], $2::text[], $3::int[]) AS x(id, reason, revision)`,
      [rows.map((r) => r.id), rows.map((r) => r.reason), rows.map((r) => r.revision), actor, at],
    );
  }
}
