import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { predicatePeriod, type AllowancePredicate, type AllowanceRuleSet } from '../rules';

export interface PredicateRow {
  employee_id: string;
  id: string;
  period: string;
  predicate: AllowancePredicate;
}

export interface FoundPredicate {
  /** Period the rule set names for the month (04 §5.4), e.g. "2026-Q4". */
  period: string;
  /** Its FINAL predikat, or null when there is none yet. */
  row: PredicateRow | null;
  /** predikatMissing LAST_KNOWN: the latest FINAL predikat of the same kind before that period. */
  lastKnown: PredicateRow | null;
}

/**
 * Reads, set-based, the FINAL predikat that pays a month for each employee: the period comes from
 * the rule set's predikatSource / predikatLag (rule `allowance.predicatePeriod`), one query per
 * (source, lag) present. Of several FINAL evaluations of one period (a split year), the latest
 * finalised (04 §5.2 predikatForSplitPeriod LATEST).
 */
@Injectable()
export class PredicateFinder {
  async find(
    m: EntityManager,
    month: string,
    items: { employeeId: string; ruleSet: AllowanceRuleSet }[],
  ): Promise<Map<string, FoundPredicate>> {
    const groups = new Map<string, { ruleSet: AllowanceRuleSet; ids: string[]; lastKnownIds: string[] }>();
    for (const it of items) {
      const key = `${it.ruleSet.predikatSource}:${it.ruleSet.predikatLag}`;
      const g = groups.get(key) ?? { ruleSet: it.ruleSet, ids: [], lastKnownIds: [] };
      g.ids.push(it.employeeId);
      if (it.ruleSet.predikatMissing === 'LAST_KNOWN') g.lastKnownIds.push(it.employeeId);
      groups.set(key, g);
    }
    const out = new Map<string, FoundPredicate>();
    for (const g of groups.values()) {
      const p = predicatePeriod({ month, source: g.ruleSet.predikatSource, lag: g.ruleSet.predikatLag });
      const rows: PredicateRow[] = await m.query(
        `SELECT DISTINCT ON (employee_id) employee_id, id, period, predicate FROM evaluations
          WHERE employee_id = ANY($1::uuid[]) AND status = 'FINAL' AND period_kind = $2 AND period = $3 AND predicate IS NOT NULL
          ORDER BY employee_id, finalized_at DESC NULLS LAST`,
        [g.ids, p.kind, p.period],
      );
      const byId = new Map(rows.map((r) => [r.employee_id, r]));
      const missing = g.lastKnownIds.filter((id) => !byId.has(id));
      const last: PredicateRow[] =
        missing.length === 0
          ? []
          : await m.query(
              `SELECT DISTINCT ON (employee_id) employee_id, id, period, predicate FROM evaluations
          WHERE employee_id = ANY($1::uuid[]) AND status = 'FINAL' AND period_kind = $2 AND to_month < $3 AND predicate IS NOT NULL
          ORDER BY employee_id, to_month DESC, finalized_at DESC NULLS LAST`,
              [missing, p.kind, p.fromMonth],
            );
      const lastById = new Map(last.map((r) => [r.employee_id, r]));
      for (const id of g.ids)
        out.set(id, { period: p.period, row: byId.get(id) ?? null, lastKnown: lastById.get(id) ?? null });
    }
    return out;
  }
}
