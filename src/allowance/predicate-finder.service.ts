import { Injectable } from '@nestjs/common';
import { predicatePeriod, type AllowanceRuleSet } from '../rules';
import { FinalPredicatesReader, type PeriodPredicate as PredicateRow } from '../evaluation/final-predicates.repository';

export type { PredicateRow };

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
 * finalised (04 §5.2 predikatForSplitPeriod LATEST). Only DEFINITIVE SKPs count: an ACTING (Plt) SKP's
 * evaluations are informational (04 §1.3).
 */
@Injectable()
export class PredicateFinder {
  constructor(private readonly evaluations: FinalPredicatesReader) {}

  async find(
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
      const rows = await this.evaluations.finalOfPeriod(g.ids, p.kind, p.period);
      const byId = new Map(rows.map((r) => [r.employee_id, r]));
      const missing = g.lastKnownIds.filter((id) => !byId.has(id));
      const last: PredicateRow[] =
        missing.length === 0 ? [] : await this.evaluations.lastFinalBefore(missing, p.kind, p.fromMonth);
      const lastById = new Map(last.map((r) => [r.employee_id, r]));
      for (const id of g.ids)
        out.set(id, { period: p.period, row: byId.get(id) ?? null, lastKnown: lastById.get(id) ?? null });
    }
    return out;
  }
}
