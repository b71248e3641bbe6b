import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../database/transaction';
import type { Predicate, Rating } from '../rules/common/enums';
import type { PersonBlock } from './evaluation-snapshot.util';
import type { PeriodKind } from './periods';

export interface FinalEvaluationRow {
  evaluationId: string;
  employeeId: string;
  nip: string;
  period: string;
  periodKind: PeriodKind;
  fromMonth: string;
  toMonth: string;
  unitId: string | null;
  resultRating: Rating;
  behaviorRating: Rating;
  predicate: Predicate;
  /** The PPK as frozen on the evaluation (null when no PPK was recorded). */
  ppk: PersonBlock | null;
  /** The rated employee as frozen on the evaluation (jenjang read from the organisation by callers). */
  employee: PersonBlock | null;
  refDate: string | null;
}

export interface FinalEvaluationQuery {
  /** ANNUAL, or the periodic evaluations (MONTHLY and QUARTERLY). */
  scope: 'ANNUAL' | 'PERIODIC';
  year?: number;
  period?: string;
  nips?: string[];
  unitIds?: string[];
  evaluationIds?: string[];
  /** Keyset: evaluations after this (nip, period) pair. */
  after?: [string, string];
  limit?: number;
}

/**
 * Published reader: FINAL evaluations with their ratings and the frozen PPK block (the SIASN exchange
 * builds its payloads from these). Reads in the caller's transaction so a fact can be read before commit.
 * The NIP is the one frozen on the evaluation (its snapshot, set when the result was issued).
 */
@Injectable()
export class FinalEvaluationReader extends BaseRepository {
  async list(q: FinalEvaluationQuery): Promise<FinalEvaluationRow[]> {
    const where = [
      `ev.status = 'FINAL'`,
      q.scope === 'ANNUAL' ? `ev.period_kind = 'ANNUAL'` : `ev.period_kind <> 'ANNUAL'`,
    ];
    const params: unknown[] = [];
    const add = (sql: string, v: unknown) => {
      params.push(v);
      where.push(sql.replace('$?', `$${params.length}`));
    };
    if (q.year !== undefined) add(`left(ev.period, 4) = $?`, String(q.year));
    if (q.period !== undefined) add(`ev.period = $?`, q.period);
    if (q.nips) add(`ev.snapshot->'employee'->>'nip' = ANY($?::text[])`, q.nips);
    if (q.unitIds) add(`ev.unit_id = ANY($?::uuid[])`, q.unitIds);
    if (q.evaluationIds) add(`ev.id = ANY($?::uuid[])`, q.evaluationIds);
    if (q.after) {
      params.push(q.after[0], q.after[1]);
      where.push(`(ev.snapshot->'employee'->>'nip', ev.period) > ($${params.length - 1}, $${params.length})`);
    }
    params.push(q.limit ?? 100_000);
    return this.db().query(
      `SELECT ev.id AS "evaluationId", ev.employee_id AS "employeeId", ev.snapshot->'employee'->>'nip' AS nip, ev.period, ev.period_kind AS "periodKind",
              ev.from_month AS "fromMonth", ev.to_month AS "toMonth", ev.unit_id AS "unitId",
              ev.result_rating AS "resultRating", ev.behavior_rating AS "behaviorRating", ev.predicate,
              ev.snapshot->'ppk' AS ppk, ev.snapshot->'employee' AS employee,
              to_char(ev.ref_date, 'YYYY-MM-DD') AS "refDate"
         FROM evaluations ev
        WHERE ${where.join(' AND ')}
        ORDER BY ev.snapshot->'employee'->>'nip', ev.period
        LIMIT $${params.length}`,
      params,
    );
  }
}
