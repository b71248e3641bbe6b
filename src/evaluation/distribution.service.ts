import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../common/domain-errors';
import { OrgDirectory } from '../org/org-directory.service';
import type { UnitNode } from '../org/unit-tree.repository';
import { checkDistribution, PREDICATES, type Explanation, type OrgPredicate, type PredicateCounts } from '../rules';
import { DistributionRepository, UnitPerformanceRow, type UnitPredicate } from './distribution.repository';
import { periodLabel, type EvaluationPeriod } from './periods';

export interface DistributionViolation {
  rule: string;
  message: string;
  messageEn: string;
  actual: number | null;
  limit: number | null;
}

/** The contract's distribution report for one unit and period (plus warnings and the explanation). */
export interface DistributionReport {
  unitCode: string;
  unitName: string;
  period: string;
  orgPredicate: OrgPredicate | null;
  orgPredicateNote: string | null;
  population: number;
  counts: PredicateCounts;
  violations: DistributionViolation[];
  warnings: DistributionViolation[];
  ok: boolean;
  explanation: Explanation | null;
}

export const ORG_PREDICATE_MISSING = 'ORG_PREDICATE_MISSING';

/**
 * Organisation performance per unit × period and the employee-predicate distribution it bounds
 * (spec 01 §10, SE MenPANRB 3/2023), checked by the rules library.
 *
 * Population of a unit: the evaluations of the period counted in the unit (employees in it; a unit
 * head counts in the parent unit, §9), including sub-units that have no organisation predicate of
 * their own for the period (those that have one are distributed on their own).
 */
@Injectable()
export class DistributionService {
  constructor(
    private readonly org: OrgDirectory,
    private readonly repo: DistributionRepository,
  ) {}

  unitByCode(code: string): Promise<UnitNode | null> {
    return this.org.unit({ code });
  }

  unitById(id: string): Promise<UnitNode | null> {
    return this.org.unit({ id });
  }

  performance(unitId: string, period: string): Promise<UnitPerformanceRow | null> {
    return this.repo.performance(unitId, period);
  }

  /** The unit an evaluation counted in `unitId` is distributed in: the nearest unit up the tree with an org predicate for the period. */
  async distributionUnitId(unitId: string, period: string): Promise<string> {
    const up = await this.org.ancestorUnits(unitId);
    const withPredicate = await this.unitsWithPerformance(
      up.map((u) => u.id),
      period,
    );
    return up.find((u) => withPredicate.has(u.id))?.id ?? unitId;
  }

  /** Units whose evaluations count in `unitId`'s distribution (itself and sub-units without their own org predicate). */
  async populationUnitIds(unitId: string, period: string): Promise<string[]> {
    const tree = await this.org.subtreeUnits(unitId);
    const own = await this.unitsWithPerformance(
      tree.map((u) => u.id),
      period,
    );
    // Parents come before their children (depth order): a branch stops at a unit with its own predicate.
    const counted = new Set<string>([unitId]);
    for (const u of tree)
      if (u.id !== unitId && u.parentId && counted.has(u.parentId) && !own.has(u.id)) counted.add(u.id);
    return tree.filter((u) => counted.has(u.id)).map((u) => u.id);
  }

  /** The unit's code and the org predicate an evaluation counted in it is distributed under, in one read. */
  predicateUp(unitId: string, period: string): Promise<UnitPredicate> {
    return this.repo.predicateUp(unitId, period);
  }

  /** Of these units, those with an org predicate for the period, with it. */
  performanceOf(unitIds: string[], period: string): Promise<Map<string, string>> {
    return this.repo.performanceOf(unitIds, period);
  }

  private async unitsWithPerformance(unitIds: string[], period: string): Promise<Set<string>> {
    return new Set((await this.performanceOf(unitIds, period)).keys());
  }

  /** Ids of the PPKs (raters) of the evaluations in the unit's population (they may read the report). */
  async raterIds(unitId: string, period: string): Promise<string[]> {
    return this.repo.raterIds(period, await this.populationUnitIds(unitId, period));
  }

  async report(unitId: string, p: EvaluationPeriod): Promise<DistributionReport> {
    const unit = await this.unitById(unitId);
    if (!unit) throw new NotFoundError('Unit');
    const units = await this.populationUnitIds(unitId, p.period);
    const rows = await this.repo.predicateCounts(p.period, units);
    return reportOf(unit, rows, await this.performance(unitId, p.period), p);
  }

  /**
   * For each of these units, the unit its evaluations are distributed in and that unit's report: the result
   * of `distributionUnitId` and `report` per unit, computed from one read of the tree, one of the period's
   * org predicates and one of the predicate counts (a year-end batch meets every unit of the agency).
   */
  async reportsByUnit(
    unitIds: string[],
    p: EvaluationPeriod,
  ): Promise<Map<string, { unitId: string; report: DistributionReport }>> {
    const out = new Map<string, { unitId: string; report: DistributionReport }>();
    if (unitIds.length === 0) return out;
    const tree = await this.org.allUnits();
    const byId = new Map(tree.map((u) => [u.id, u]));
    const children = new Map<string, UnitNode[]>();
    for (const u of tree) {
      if (!u.parentId) continue;
      const siblings = children.get(u.parentId);
      if (siblings) siblings.push(u);
      else children.set(u.parentId, [u]);
    }
    const perf = await this.repo.performancesIn(p.period);
    const distOf = (unitId: string): string => {
      for (let u = byId.get(unitId); u; u = u.parentId ? byId.get(u.parentId) : undefined)
        if (perf.has(u.id)) return u.id;
      return unitId;
    };
    // Population: the unit and, below it, every unit without its own org predicate (a branch stops at one).
    const population = (unitId: string): string[] => {
      const ids = [unitId];
      for (let i = 0; i < ids.length; i++)
        for (const c of children.get(ids[i]) ?? []) if (!perf.has(c.id)) ids.push(c.id);
      return ids;
    };
    const dists = new Map<string, string[]>();
    for (const u of unitIds) {
      const d = distOf(u);
      if (!dists.has(d)) dists.set(d, population(d));
    }
    const counted = new Map<string, { predicate: string; n: number }[]>();
    for (const r of await this.repo.predicateCountsByUnit(p.period, [...new Set([...dists.values()].flat())]))
      counted.set(r.unitId, [...(counted.get(r.unitId) ?? []), r]);
    const reports = new Map<string, DistributionReport>();
    for (const [d, units] of dists) {
      const unit = byId.get(d);
      if (!unit) throw new NotFoundError('Unit');
      reports.set(
        d,
        reportOf(
          unit,
          units.flatMap((u) => counted.get(u) ?? []),
          perf.get(d) ?? null,
          p,
        ),
      );
    }
    for (const u of unitIds) {
      const d = distOf(u);
      const report = reports.get(d);
      if (!report) throw new NotFoundError('Laporan distribusi unit');
      out.set(u, { unitId: d, report });
    }
    return out;
  }
}

/** The report of a unit from its population's predicate counts and its org predicate (none: the check cannot run). */
function reportOf(
  unit: UnitNode,
  rows: { predicate: string; n: number }[],
  perf: UnitPerformanceRow | null,
  p: EvaluationPeriod,
): DistributionReport {
  const counts = Object.fromEntries(PREDICATES.map((k) => [k, 0])) as PredicateCounts;
  for (const r of rows) counts[r.predicate as keyof PredicateCounts] += r.n;
  const population = PREDICATES.reduce((a, k) => a + counts[k], 0);
  const base = { unitCode: unit.code, unitName: unit.name, period: p.period, population, counts };
  if (!perf) {
    return {
      ...base,
      orgPredicate: null,
      orgPredicateNote: null,
      violations: [
        {
          rule: ORG_PREDICATE_MISSING,
          message: `Capaian Kinerja Organisasi ${unit.name} untuk ${periodLabel(p)} belum ditetapkan, sehingga pola distribusi belum dapat diperiksa. Pimpinan unit induk atau admin BKPSDM menetapkannya; bila diterbitkan sekarang, tuliskan justifikasinya.`,
          messageEn: `The organisation performance of unit ${unit.code} for ${p.period} has not been set`,
          actual: null,
          limit: null,
        },
      ],
      warnings: [],
      ok: false,
      explanation: null,
    };
  }
  const r = checkDistribution({ orgPredicate: perf.predicate, counts, onDate: p.end });
  const finding = (d: (typeof r.details)[number]): DistributionViolation => ({
    rule: d.code,
    message: d.message,
    messageEn: d.messageEn,
    actual: d.actual,
    limit: d.limit,
  });
  return {
    ...base,
    orgPredicate: perf.predicate,
    orgPredicateNote: perf.note,
    violations: r.details.filter((d) => d.severity === 'ERROR').map(finding),
    warnings: r.details.filter((d) => d.severity === 'WARNING').map(finding),
    ok: r.ok,
    explanation: r.explanation,
  };
}
