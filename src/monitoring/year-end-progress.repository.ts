import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../database/transaction';
import type { YearEndBehindItemDto, YearEndStage } from './year-end.dto';

export interface UnitRow {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  /** Organisation predicate of the unit for the period (unit_performance), if set. */
  orgPredicate: string | null;
}

export interface OwnProgressRow {
  unitId: string;
  employees: number;
  skpApproved: number;
  rated: number;
  issued: number;
  final: number;
  objectionsOpen: number;
}

export interface PredicateCountRow {
  unitId: string;
  predicate: string;
  n: number;
}

/** Evaluation statuses at or past each stage (evaluation state machine, spec 01 §3.5). */
const AT_LEAST_RATED = `('RATED','ISSUED','OBJECTED','FINAL')`;
const AT_LEAST_ISSUED = `('ISSUED','OBJECTED','FINAL')`;

/** People in force on the date (the open-row index covers today's roster, the range the past). */
const IN_FORCE = `a.valid_from <= $1::date AND (a.valid_to IS NULL OR a.valid_to > $1::date)`;

const BEHIND: Record<YearEndStage, string> = {
  SKP_APPROVED: `s.status IS DISTINCT FROM 'APPROVED'`,
  RATED: `v.status IS NULL OR v.status NOT IN ${AT_LEAST_RATED}`,
  ISSUED: `v.status IS NULL OR v.status NOT IN ${AT_LEAST_ISSUED}`,
  FINAL: `v.status IS DISTINCT FROM 'FINAL'`,
  OBJECTION_OPEN: `v.status = 'OBJECTED'`,
};

/**
 * Reporting read model of the year-end close. Set-based: one grouped pass over the roster in force
 * joined to SKPs and annual evaluations (hash joins on the covering indexes of migration
 * 1766500000000), one grouped pass over the predicates; units are few and rolled up in memory.
 * Reads the org, skp and evaluation tables read-only, as reports across features do.
 */
@Injectable()
export class YearEndProgressRepository extends BaseRepository {
  /** Advanced by a statement trigger on every table the counts read (migration 1767300000000). */
  async changeCounter(): Promise<string> {
    const [r] = await this.db().query<{ v: string }[]>(
      `SELECT (last_value::text || ':' || is_called::text) AS v FROM monitoring_changes`,
    );
    return r.v;
  }

  units(period: string): Promise<UnitRow[]> {
    return this.db().query(
      `SELECT u.id, u.code, u.name, u.parent_id AS "parentId", up.predicate AS "orgPredicate"
         FROM units u LEFT JOIN unit_performance up ON up.unit_id = u.id AND up.period = $1`,
      [period],
    );
  }

  /** Per unit (its own members, not its sub-units): head count and how many reached each stage. */
  ownProgress(refDate: string, year: number, period: string, unitIds: string[] | null): Promise<OwnProgressRow[]> {
    return this.db().query(
      `SELECT a.unit_id AS "unitId", count(*)::int AS employees,
              count(*) FILTER (WHERE s.status = 'APPROVED')::int AS "skpApproved",
              count(*) FILTER (WHERE v.status IN ${AT_LEAST_RATED})::int AS rated,
              count(*) FILTER (WHERE v.status IN ${AT_LEAST_ISSUED})::int AS issued,
              count(*) FILTER (WHERE v.status = 'FINAL')::int AS final,
              count(*) FILTER (WHERE v.status = 'OBJECTED')::int AS "objectionsOpen"
         FROM employee_assignments a
         LEFT JOIN skp s ON s.employee_id = a.employee_id AND s.year = $2 AND s.kind = 'DEFINITIVE' AND s.period_start <= $1::date AND s.period_end >= $1::date
         LEFT JOIN evaluations v ON v.skp_id = s.id AND v.period = $3
        WHERE ${IN_FORCE} AND ($4::uuid[] IS NULL OR a.unit_id = ANY($4::uuid[]))
        GROUP BY a.unit_id`,
      [refDate, year, period, unitIds],
    );
  }

  /** Predicates counted in each unit's distribution (the statuses DistributionService counts). */
  predicateCounts(period: string, unitIds: string[] | null): Promise<PredicateCountRow[]> {
    return this.db().query(
      `SELECT v.unit_id AS "unitId", v.predicate, count(*)::int AS n
         FROM evaluations v
        WHERE v.period = $1 AND v.status IN ${AT_LEAST_RATED} AND v.predicate IS NOT NULL AND v.unit_id IS NOT NULL
          AND ($2::uuid[] IS NULL OR v.unit_id = ANY($2::uuid[]))
        GROUP BY v.unit_id, v.predicate`,
      [period, unitIds],
    );
  }

  /** People in the units behind a stage, by NIP after the cursor; their PPK on the date is who must act. */
  behind(
    refDate: string,
    year: number,
    period: string,
    unitIds: string[] | null,
    stage: YearEndStage,
    afterNip: string | null,
    limit: number,
  ): Promise<YearEndBehindItemDto[]> {
    return this.db().query(
      `SELECT x.nip, x.name, x."unitCode", x."unitName", x."positionTitle", x."skpStatus", x."evaluationStatus", p.nip AS "ppkNip", p.name AS "ppkName"
         FROM (
           SELECT e.id, e.nip, e.name, u.code AS "unitCode", u.name AS "unitName", a.position_title AS "positionTitle",
                  s.status AS "skpStatus", v.status AS "evaluationStatus"
             FROM employee_assignments a
             JOIN employees e ON e.id = a.employee_id
             JOIN units u ON u.id = a.unit_id
             LEFT JOIN skp s ON s.employee_id = a.employee_id AND s.year = $2 AND s.kind = 'DEFINITIVE' AND s.period_start <= $1::date AND s.period_end >= $1::date
             LEFT JOIN evaluations v ON v.skp_id = s.id AND v.period = $3
            WHERE ${IN_FORCE} AND ($4::uuid[] IS NULL OR a.unit_id = ANY($4::uuid[]))
              AND (${BEHIND[stage]}) AND ($5::text IS NULL OR e.nip > $5::text)
            ORDER BY e.nip LIMIT $6) x
         LEFT JOIN employees p ON p.id = ppk_on(x.id, $1::date)
        ORDER BY x.nip`,
      [refDate, year, period, unitIds, afterNip, limit],
    );
  }
}
