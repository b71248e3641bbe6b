import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../database/transaction';

/** A closed month's line as paid, with the adjustments already carried for it. */
export interface FrozenLine {
  employee_id: string;
  net_amount: string | null;
  figures_hash: string;
  adjusted: string;
  last_hash: string | null;
}

export interface InsertedAdjustment {
  id: string;
  employee_id: string;
  amount: string;
  reason: string;
}

/**
 * Writes of `allowance_lines` and `allowance_adjustments` by a run's chunk: set-based (one statement per
 * chunk, rows as a JSON recordset), in the chunk's transaction.
 */
@Injectable()
export class AllowanceLinesRepository extends BaseRepository {
  /**
   * Upserts the chunk's lines; a line changes (and its version moves) only when its figures hash changes.
   * The rows travel as `json`, not `jsonb`: the explanation, deductions and warnings columns are `json`, so
   * a jsonb recordset parsed every line's ~2 KB explanation into jsonb, printed it back to text and parsed
   * that again for the column; `json_to_recordset` hands each one over as the text the worker sent.
   */
  async upsertLines(month: string, runId: string, rows: Record<string, unknown>[]): Promise<{ inserted: boolean }[]> {
    return this.db().query(
      `INSERT INTO allowance_lines AS t (employee_id, month, nip, status, kelas_jabatan, unit_id, rule_set, basic_amount, performance_part,
              discipline_part, total_deductions, net_amount, deductions, explanation, problem, figures_hash, warnings, held_amount, run_id)
       SELECT r.employee_id, $1, r.nip, r.status, r.kelas_jabatan, r.unit_id, r.rule_set, r.basic_amount, r.performance_part,
              r.discipline_part, r.total_deductions, r.net_amount, r.deductions, r.explanation, r.problem, r.figures_hash, r.warnings, r.held_amount, $3::uuid
         FROM json_to_recordset($2::json) AS r(employee_id uuid, nip text, status text, kelas_jabatan smallint, unit_id uuid, rule_set text,
              basic_amount bigint, performance_part bigint, discipline_part bigint, total_deductions bigint, net_amount bigint,
              deductions json, explanation json, problem text, figures_hash text, warnings json, held_amount bigint)
       ON CONFLICT (employee_id, month) DO UPDATE SET
         nip = EXCLUDED.nip, status = EXCLUDED.status, kelas_jabatan = EXCLUDED.kelas_jabatan, unit_id = EXCLUDED.unit_id,
         rule_set = EXCLUDED.rule_set, basic_amount = EXCLUDED.basic_amount, performance_part = EXCLUDED.performance_part,
         discipline_part = EXCLUDED.discipline_part, total_deductions = EXCLUDED.total_deductions, net_amount = EXCLUDED.net_amount,
         deductions = EXCLUDED.deductions, explanation = EXCLUDED.explanation, problem = EXCLUDED.problem,
         figures_hash = EXCLUDED.figures_hash, warnings = EXCLUDED.warnings, held_amount = EXCLUDED.held_amount, version = t.version + 1, run_id = EXCLUDED.run_id, updated_at = now()
       WHERE t.figures_hash <> EXCLUDED.figures_hash
       RETURNING (xmax = 0) AS inserted`,
      [month, JSON.stringify(rows), runId],
    );
  }

  /** The frozen lines of a closed month for these employees (a row per id, also without a line). */
  async frozenLines(employeeIds: string[], forMonth: string): Promise<FrozenLine[]> {
    return this.db().query(
      `SELECT e.id AS employee_id, l.net_amount, COALESCE(l.figures_hash, '') AS figures_hash,
              COALESCE((SELECT sum(a.amount) FROM allowance_adjustments a WHERE a.employee_id = e.id AND a.for_month = $2), 0)::text AS adjusted,
              (SELECT a.corrected_hash FROM allowance_adjustments a WHERE a.employee_id = e.id AND a.for_month = $2 ORDER BY a.created_at DESC LIMIT 1) AS last_hash
         FROM unnest($1::uuid[]) AS e(id) LEFT JOIN allowance_lines l ON l.employee_id = e.id AND l.month = $2`,
      [employeeIds, forMonth],
    );
  }

  /** Adds the corrections carried by `month`; a correction already recorded (same hash) is skipped. */
  async insertAdjustments(
    month: string,
    forMonth: string,
    runId: string,
    adjustments: Record<string, unknown>[],
  ): Promise<InsertedAdjustment[]> {
    return this.db().query(
      `INSERT INTO allowance_adjustments (employee_id, month, for_month, amount, previous_net, corrected_net, corrected_hash, corrected, reason, run_id)
       SELECT r.employee_id, $1, $2, r.amount, r.previous_net, r.corrected_net, r.corrected_hash, r.corrected, r.reason, $4::uuid
         FROM jsonb_to_recordset($3::jsonb) AS r(employee_id uuid, amount bigint, previous_net bigint, corrected_net bigint, corrected_hash text, corrected jsonb, reason text)
       ON CONFLICT (employee_id, for_month, corrected_hash) DO NOTHING
       RETURNING id, employee_id, amount::text, reason`,
      [month, forMonth, JSON.stringify(adjustments), runId],
    );
  }

  /** The carrying lines change for payroll, so their version moves. */
  async bumpVersions(month: string, employeeIds: string[]): Promise<void> {
    await this.db().query(
      `UPDATE allowance_lines SET version = version + 1, updated_at = now() WHERE month = $1 AND employee_id = ANY($2::uuid[])`,
      [month, employeeIds],
    );
  }

  /** The closed months after `month`. */
  async closedMonthsAfter(month: string): Promise<string[]> {
    const rows: { month: string }[] = await this.db().query(
      `SELECT month FROM allowance_months WHERE month > $1 AND status = 'CLOSED'`,
      [month],
    );
    return rows.map((r) => r.month);
  }
}
