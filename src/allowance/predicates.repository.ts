import { EntityManager } from 'typeorm';
import type { AllowancePredicate } from '../rules';

export interface PredicateRow {
  employee_id: string;
  id: string;
  period: string;
  predicate: AllowancePredicate;
}

/**
 * FINAL predikat of one period per employee, DEFINITIVE SKPs only: a Plt's ACTING SKP never pays TPP
 * (04 §1.3). Of several FINAL evaluations of one period (a split year), the latest finalised (LATEST).
 */
export function finalPredicatesOf(
  m: EntityManager,
  employeeIds: string[],
  periodKind: string,
  period: string,
): Promise<PredicateRow[]> {
  return m.query(
    `SELECT DISTINCT ON (employee_id) employee_id, id, period, predicate FROM evaluations
      WHERE employee_id = ANY($1::uuid[]) AND status = 'FINAL' AND period_kind = $2 AND period = $3
        AND predicate IS NOT NULL AND skp_kind = 'DEFINITIVE'
      ORDER BY employee_id, finalized_at DESC NULLS LAST`,
    [employeeIds, periodKind, period],
  );
}

/** predikatMissing LAST_KNOWN: the latest FINAL DEFINITIVE predikat of the kind ending before `beforeMonth`. */
export function lastKnownPredicatesOf(
  m: EntityManager,
  employeeIds: string[],
  periodKind: string,
  beforeMonth: string,
): Promise<PredicateRow[]> {
  return m.query(
    `SELECT DISTINCT ON (employee_id) employee_id, id, period, predicate FROM evaluations
      WHERE employee_id = ANY($1::uuid[]) AND status = 'FINAL' AND period_kind = $2 AND to_month < $3
        AND predicate IS NOT NULL AND skp_kind = 'DEFINITIVE'
      ORDER BY employee_id, to_month DESC, finalized_at DESC NULLS LAST`,
    [employeeIds, periodKind, beforeMonth],
  );
}
