import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { BaseRepository } from '../database/transaction';
import type { EvaluationStatus } from './evaluation.service';

export interface EvaluationFact {
  id: string;
  employeeId: string;
  period: string;
  status: EvaluationStatus;
}

export interface FinalPredicate {
  id: string;
  employeeId: string;
  period: string;
  predicate: string;
  /** Date of finalisation in Asia/Jakarta (YYYY-MM-DD). */
  finalizedOn: string;
}

/**
 * Published read port of the evaluation feature: FINAL predicates (and the state of given
 * evaluations) for the features that act on them. Outcomes read through it; angka kredit
 * (`credit-ledger.service.ts`) and allowance (`predicate-finder.ts`) still query `evaluations`
 * themselves and should switch to methods added here.
 */
@Injectable()
export class FinalPredicatesReader extends BaseRepository {
  /** The evaluations asked for (an event's payload names them), whatever their status now. */
  evaluations(ids: string[], manager?: EntityManager): Promise<EvaluationFact[]> {
    return this.db(manager).query(
      `SELECT id, employee_id AS "employeeId", period, status FROM evaluations WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  }

  /** Every FINAL predicate of these employees, per employee in period order. */
  history(employeeIds: string[], manager?: EntityManager): Promise<FinalPredicate[]> {
    return this.db(manager).query(
      `SELECT employee_id AS "employeeId", period, predicate, id,
              to_char(finalized_at AT TIME ZONE 'Asia/Jakarta','YYYY-MM-DD') AS "finalizedOn"
         FROM evaluations WHERE employee_id = ANY($1::uuid[]) AND status = 'FINAL' AND predicate IS NOT NULL
        ORDER BY employee_id, from_month`,
      [employeeIds],
    );
  }
}
