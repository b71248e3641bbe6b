import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../database/transaction';
import { ancestorUnitsSql } from '../org/unit-tree.repository';
import type { OrgPredicate } from '../rules';

export interface UnitPerformanceRow {
  predicate: OrgPredicate;
  note: string | null;
  setBy: string;
  setAt: Date;
}

/** Evaluations that carry a predicate count in their unit's distribution. */
const COUNTED = `('RATED','ISSUED','OBJECTED','FINAL')`;

/**
 * Of the people with an evaluation of period $1 in units $2, each one's counted evaluation (unit, predicate):
 * of a split period the later SKP segment's (spec 04 §1.3); ACTING (Plt) SKPs never count.
 */
const COUNTED_ONCE = `SELECT DISTINCT ON (e.employee_id) e.unit_id, e.predicate FROM evaluations e
   WHERE e.period = $1 AND e.skp_kind = 'DEFINITIVE' AND e.status IN ${COUNTED} AND e.predicate IS NOT NULL
     AND e.employee_id IN (SELECT employee_id FROM evaluations WHERE period = $1 AND unit_id = ANY($2::uuid[]))
   ORDER BY e.employee_id, e.to_month DESC, e.from_month DESC`;

/** A unit's code and the org predicate its evaluations are distributed under (null when none up the tree). */
export interface UnitPredicate {
  unitCode: string | null;
  orgPredicate: string | null;
}

/** The walk up from a unit (itself first) with each unit's org predicate for the period: `predicateUpOf` reads it. */
export function predicateUpSql(unitId: string, period: string): string {
  return `SELECT up.code, p.predicate FROM ${ancestorUnitsSql(unitId)} up
            LEFT JOIN unit_performance p ON p.unit_id = up.id AND p.period = ${period} ORDER BY up.depth`;
}

export function predicateUpOf(rows: { code: string; predicate: string | null }[]): UnitPredicate {
  return { unitCode: rows[0]?.code ?? null, orgPredicate: rows.find((r) => r.predicate)?.predicate ?? null };
}

/** Organisation performance per unit × period (`unit_performance`) and the predicate counts it bounds. */
@Injectable()
export class DistributionRepository extends BaseRepository {
  async performance(unitId: string, period: string): Promise<UnitPerformanceRow | null> {
    const rows: UnitPerformanceRow[] = await this.db().query(
      `SELECT predicate, note, set_by AS "setBy", set_at AS "setAt" FROM unit_performance WHERE unit_id = $1 AND period = $2`,
      [unitId, period],
    );
    return rows[0] ?? null;
  }

  /** Serialises the writers of one unit's organisation performance until the transaction ends. */
  async lockUnit(unitId: string): Promise<void> {
    await this.db().query(`SELECT pg_advisory_xact_lock(hashtext('unit_performance:' || $1::text))`, [unitId]);
  }

  async upsertPerformance(
    unitId: string,
    period: string,
    v: { predicate: string; note: string | null; setBy: string; at: Date },
  ): Promise<void> {
    await this.db().query(
      `INSERT INTO unit_performance (unit_id, period, predicate, note, set_by, set_at) VALUES ($1,$2,$3,$4,$5,$6)
       ON CONFLICT (unit_id, period) DO UPDATE SET predicate = EXCLUDED.predicate, note = EXCLUDED.note, set_by = EXCLUDED.set_by, set_at = EXCLUDED.set_at`,
      [unitId, period, v.predicate, v.note, v.setBy, v.at],
    );
  }

  /** Of these units, those with an org predicate for the period, with it. */
  async performanceOf(unitIds: string[], period: string): Promise<Map<string, string>> {
    const rows: { unitId: string; predicate: string }[] = await this.db().query(
      `SELECT unit_id AS "unitId", predicate FROM unit_performance WHERE period = $2 AND unit_id = ANY($1::uuid[])`,
      [unitIds, period],
    );
    return new Map(rows.map((r) => [r.unitId, r.predicate]));
  }

  /**
   * The unit's code and the org predicate an evaluation counted in it is distributed under (the nearest
   * unit up the tree, itself first, with one for the period), in one read.
   */
  async predicateUp(unitId: string, period: string): Promise<UnitPredicate> {
    return predicateUpOf(await this.db().query(predicateUpSql('$1::uuid', '$2::text'), [unitId, period]));
  }

  /** Ids of the PPKs (raters) of the period's evaluations counted in these units. */
  async raterIds(period: string, unitIds: string[]): Promise<string[]> {
    const rows: { id: string }[] = await this.db().query(
      `SELECT DISTINCT x.id FROM evaluations e CROSS JOIN LATERAL (VALUES (e.ppk_id), (e.rated_by)) AS x(id)
        WHERE e.period = $1 AND e.unit_id = ANY($2::uuid[]) AND x.id IS NOT NULL`,
      [period, unitIds],
    );
    return rows.map((r) => r.id);
  }

  /** The period's organisation performance of every unit that has one, by unit. */
  async performancesIn(period: string): Promise<Map<string, UnitPerformanceRow>> {
    const rows: (UnitPerformanceRow & { unitId: string })[] = await this.db().query(
      `SELECT unit_id AS "unitId", predicate, note, set_by AS "setBy", set_at AS "setAt" FROM unit_performance WHERE period = $1`,
      [period],
    );
    return new Map(rows.map(({ unitId, ...r }) => [unitId, r]));
  }

  /**
   * Predicates counted in these units for the period. Each person once (spec 04 §1.3): of a split period
   * the evaluation of the later SKP segment counts, in its unit; ACTING (Plt) SKPs never count.
   */
  async predicateCounts(period: string, unitIds: string[]): Promise<{ predicate: string; n: number }[]> {
    const rows: { predicate: string; n: string }[] = await this.db().query(
      `SELECT predicate, count(*) AS n FROM (${COUNTED_ONCE}) x WHERE x.unit_id = ANY($2::uuid[]) GROUP BY predicate`,
      [period, unitIds],
    );
    return rows.map((r) => ({ predicate: r.predicate, n: Number(r.n) }));
  }

  /**
   * `predicateCounts` by the unit each person counts in, for many units in one read: summed over a unit's
   * population it gives that population's counts (a person counts in one unit only).
   */
  async predicateCountsByUnit(
    period: string,
    unitIds: string[],
  ): Promise<{ unitId: string; predicate: string; n: number }[]> {
    const rows: { unitId: string; predicate: string; n: string }[] = await this.db().query(
      `SELECT unit_id AS "unitId", predicate, count(*) AS n FROM (${COUNTED_ONCE}) x
        WHERE x.unit_id = ANY($2::uuid[]) GROUP BY unit_id, predicate`,
      [period, unitIds],
    );
    return rows.map((r) => ({ unitId: r.unitId, predicate: r.predicate, n: Number(r.n) }));
  }
}
