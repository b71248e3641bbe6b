import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OrgDirectory } from '../org/org-directory.service';
import { checkDistribution, PREDICATES, type Explanation, type OrgPredicate, type PredicateCounts } from '../rules';
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

/** Evaluations that carry a predicate count in their unit's distribution. */
const COUNTED = `('RATED','ISSUED','OBJECTED','FINAL')`;

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
  constructor(private readonly org: OrgDirectory) {}

  async unitByCode(
    m: EntityManager,
    code: string,
  ): Promise<{ id: string; code: string; name: string; parentId: string | null } | null> {
    const rows = await m.query(`SELECT id, code, name, parent_id AS "parentId" FROM units WHERE code = $1`, [code]);
    return rows[0] ?? null;
  }

  async unitById(
    m: EntityManager,
    id: string,
  ): Promise<{ id: string; code: string; name: string; parentId: string | null } | null> {
    const rows = await m.query(`SELECT id, code, name, parent_id AS "parentId" FROM units WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async performance(
    m: EntityManager,
    unitId: string,
    period: string,
  ): Promise<{ predicate: OrgPredicate; note: string | null; setBy: string; setAt: Date } | null> {
    const rows = await m.query(
      `SELECT predicate, note, set_by AS "setBy", set_at AS "setAt" FROM unit_performance WHERE unit_id = $1 AND period = $2`,
      [unitId, period],
    );
    return rows[0] ?? null;
  }

  /** The unit an evaluation counted in `unitId` is distributed in: the nearest unit up the tree with an org predicate for the period. */
  async distributionUnitId(m: EntityManager, unitId: string, period: string): Promise<string> {
    const up = await this.org.ancestorUnits(unitId, m);
    const withPredicate = await this.unitsWithPerformance(
      m,
      up.map((u) => u.id),
      period,
    );
    return up.find((u) => withPredicate.has(u.id))?.id ?? unitId;
  }

  /** Units whose evaluations count in `unitId`'s distribution (itself and sub-units without their own org predicate). */
  async populationUnitIds(m: EntityManager, unitId: string, period: string): Promise<string[]> {
    const tree = await this.org.subtreeUnits(unitId, m);
    const own = await this.unitsWithPerformance(
      m,
      tree.map((u) => u.id),
      period,
    );
    // Parents come before their children (depth order): a branch stops at a unit with its own predicate.
    const counted = new Set<string>([unitId]);
    for (const u of tree)
      if (u.id !== unitId && u.parentId && counted.has(u.parentId) && !own.has(u.id)) counted.add(u.id);
    return tree.filter((u) => counted.has(u.id)).map((u) => u.id);
  }

  /** Of these units, those with an org predicate for the period, with it. */
  async performanceOf(m: EntityManager, unitIds: string[], period: string): Promise<Map<string, string>> {
    const rows: { unitId: string; predicate: string }[] = await m.query(
      `SELECT unit_id AS "unitId", predicate FROM unit_performance WHERE period = $2 AND unit_id = ANY($1::uuid[])`,
      [unitIds, period],
    );
    return new Map(rows.map((r) => [r.unitId, r.predicate]));
  }

  private async unitsWithPerformance(m: EntityManager, unitIds: string[], period: string): Promise<Set<string>> {
    return new Set((await this.performanceOf(m, unitIds, period)).keys());
  }

  /** Ids of the PPKs (raters) of the evaluations in the unit's population (they may read the report). */
  async raterIds(m: EntityManager, unitId: string, period: string): Promise<string[]> {
    const units = await this.populationUnitIds(m, unitId, period);
    const rows: { id: string }[] = await m.query(
      `SELECT DISTINCT x.id FROM evaluations e CROSS JOIN LATERAL (VALUES (e.ppk_id), (e.rated_by)) AS x(id)
        WHERE e.period = $1 AND e.unit_id = ANY($2::uuid[]) AND x.id IS NOT NULL`,
      [period, units],
    );
    return rows.map((r) => r.id);
  }

  async report(m: EntityManager, unitId: string, p: EvaluationPeriod): Promise<DistributionReport> {
    const unit = (await this.unitById(m, unitId))!;
    const units = await this.populationUnitIds(m, unitId, p.period);
    const rows: { predicate: string; n: string }[] = await m.query(
      // Each person once (spec 04 §1.3): of a split period the evaluation of the later SKP segment counts,
      // in its unit; ACTING (Plt) SKPs never count.
      `SELECT predicate, count(*) AS n FROM (
         SELECT DISTINCT ON (e.employee_id) e.unit_id, e.predicate FROM evaluations e
          WHERE e.period = $1 AND e.skp_kind = 'DEFINITIVE' AND e.status IN ${COUNTED} AND e.predicate IS NOT NULL
            AND e.employee_id IN (SELECT employee_id FROM evaluations WHERE period = $1 AND unit_id = ANY($2::uuid[]))
          ORDER BY e.employee_id, e.to_month DESC, e.from_month DESC) x
        WHERE x.unit_id = ANY($2::uuid[]) GROUP BY predicate`,
      [p.period, units],
    );
    const counts = Object.fromEntries(PREDICATES.map((k) => [k, 0])) as PredicateCounts;
    for (const r of rows) counts[r.predicate as keyof PredicateCounts] = Number(r.n);
    const population = PREDICATES.reduce((a, k) => a + counts[k], 0);
    const perf = await this.performance(m, unitId, p.period);
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
}
