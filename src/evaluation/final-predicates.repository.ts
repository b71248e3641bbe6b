import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../database/transaction';
import type { AllowancePredicate } from '../rules';
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

/** A FINAL predikat of a period as the allowance run reads it. */
export interface PeriodPredicate {
  employee_id: string;
  id: string;
  period: string;
  predicate: AllowancePredicate;
}

/** A FINAL predikat of a DEFINITIVE SKP as the angka kredit ledger reads it (02 §9). */
export interface CreditPredicate {
  employee_id: string;
  period: string;
  predicate: string;
  evaluation_id: string;
  period_kind: string;
  from_month: string;
  to_month: string;
}

/**
 * Published read port of the evaluation feature: FINAL predicates (and the state of given
 * evaluations) for the features that act on them: outcomes, allowance (`predicate-finder.service.ts`) and the
 * angka kredit ledger read through it.
 */
@Injectable()
export class FinalPredicatesReader extends BaseRepository {
  /** The evaluations asked for (an event's payload names them), whatever their status now. */
  evaluations(ids: string[]): Promise<EvaluationFact[]> {
    return this.db().query(
      `SELECT id, employee_id AS "employeeId", period, status FROM evaluations WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  }

  /** The latest FINAL annual predikat of each employee (of a split year, the latest finalised; 04 §1.3, §6). */
  async latestAnnual(
    employeeIds: string[],
  ): Promise<Map<string, { evaluationId: string; period: string; predicate: string }>> {
    if (employeeIds.length === 0) return new Map();
    const rows: { employee_id: string; id: string; period: string; predicate: string }[] = await this.db().query(
      `SELECT DISTINCT ON (employee_id) employee_id, id, period, predicate FROM evaluations
        WHERE employee_id = ANY($1::uuid[]) AND status = 'FINAL' AND period_kind = 'ANNUAL' AND predicate IS NOT NULL
        ORDER BY employee_id, period DESC, finalized_at DESC NULLS LAST`,
      [employeeIds],
    );
    return new Map(rows.map((r) => [r.employee_id, { evaluationId: r.id, period: r.period, predicate: r.predicate }]));
  }

  /** Every FINAL predicate of these employees, per employee in period order. */
  history(employeeIds: string[]): Promise<FinalPredicate[]> {
    return this.db().query(
      `SELECT employee_id AS "employeeId", period, predicate, id,
              to_char(finalized_at AT TIME ZONE 'Asia/Jakarta','YYYY-MM-DD') AS "finalizedOn"
         FROM evaluations WHERE employee_id = ANY($1::uuid[]) AND status = 'FINAL' AND predicate IS NOT NULL
        ORDER BY employee_id, from_month`,
      [employeeIds],
    );
  }

  /**
   * The FINAL predikat of one period per employee from DEFINITIVE SKPs only (a Plt's ACTING SKP never
   * pays TPP, spec 04 §1.3); of several (a split year) the latest finalised (`predikatForSplitPeriod` LATEST).
   */
  finalOfPeriod(employeeIds: string[], periodKind: string, period: string): Promise<PeriodPredicate[]> {
    return this.db().query(
      `SELECT DISTINCT ON (employee_id) employee_id, id, period, predicate FROM evaluations
        WHERE employee_id = ANY($1::uuid[]) AND status = 'FINAL' AND period_kind = $2 AND period = $3
          AND predicate IS NOT NULL AND skp_kind = 'DEFINITIVE'
        ORDER BY employee_id, finalized_at DESC NULLS LAST`,
      [employeeIds, periodKind, period],
    );
  }

  /** The latest FINAL DEFINITIVE predikat of the kind whose period ends before `beforeMonth` (YYYY-MM). */
  lastFinalBefore(employeeIds: string[], periodKind: string, beforeMonth: string): Promise<PeriodPredicate[]> {
    return this.db().query(
      `SELECT DISTINCT ON (employee_id) employee_id, id, period, predicate FROM evaluations
        WHERE employee_id = ANY($1::uuid[]) AND status = 'FINAL' AND period_kind = $2 AND to_month < $3
          AND predicate IS NOT NULL AND skp_kind = 'DEFINITIVE'
        ORDER BY employee_id, to_month DESC, finalized_at DESC NULLS LAST`,
      [employeeIds, periodKind, beforeMonth],
    );
  }

  /** FINAL annual predikat of DEFINITIVE SKPs (04 §1.3: an ACTING SKP never gives it), most recent year first. */
  async annual(employeeIds: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (employeeIds.length === 0) return out;
    const rows: { employeeId: string; predicate: string }[] = await this.db().query(
      `SELECT employee_id AS "employeeId", predicate FROM evaluations
        WHERE employee_id = ANY($1::uuid[]) AND status = 'FINAL' AND period_kind = 'ANNUAL' AND skp_kind = 'DEFINITIVE' AND predicate IS NOT NULL
        ORDER BY employee_id, period DESC`,
      [employeeIds],
    );
    for (const r of rows) out.set(r.employeeId, [...(out.get(r.employeeId) ?? []), r.predicate]);
    return out;
  }

  /** FINAL predikat of DEFINITIVE SKPs from 2023 on (the credited periods), per employee in period order. */
  creditPredicates(employeeIds: string[]): Promise<CreditPredicate[]> {
    return this.db().query(
      `SELECT employee_id, period, predicate, id AS evaluation_id, period_kind, from_month, to_month FROM evaluations
        WHERE employee_id = ANY($1::uuid[]) AND status = 'FINAL' AND predicate IS NOT NULL AND skp_kind = 'DEFINITIVE' AND from_month >= '2023-01'
        ORDER BY employee_id, from_month, period_kind`,
      [employeeIds],
    );
  }

  /**
   * One employee's FINAL annual predikat per year, from DEFINITIVE SKPs (of a split year the latest
   * finalised): what an entry into a JF reads instead of typed values (04 §4).
   */
  async annualByYear(employeeId: string): Promise<Map<number, { evaluationId: string; predicate: string }>> {
    const rows: { id: string; period: string; predicate: string }[] = await this.db().query(
      `SELECT DISTINCT ON (period) id, period, predicate FROM evaluations
        WHERE employee_id = $1 AND status = 'FINAL' AND period_kind = 'ANNUAL' AND skp_kind = 'DEFINITIVE' AND predicate IS NOT NULL
        ORDER BY period, finalized_at DESC NULLS LAST`,
      [employeeId],
    );
    return new Map(rows.map((r) => [Number(r.period), { evaluationId: r.id, predicate: r.predicate }]));
  }
}
