import { Injectable } from '@nestjs/common';
import type { ScopeSql } from '../authz/access-policy';
import { BaseRepository } from '../database/transaction';
import { evaluationStatusJsonSql } from '../evaluation/evaluation-status.repository';
import { personRefSql } from '../org/team-members.repository';
import { skpOfYearSql } from '../skp/skp.repository';
import type { TeamMember } from './me.views';

/** The name `members` expects the team's FROM item under (`AccessPolicy.teamSql`). */
export const TEAM_ALIAS = 'm';

/**
 * The team list in one statement: the members (org), the SKP of the year (skp) and its evaluations
 * (evaluation), each part the SQL its owner publishes. Rows are the reply's items as they are sent (the
 * SKP and the evaluations built as json by PostgreSQL): no per-member objects are assembled in the API.
 */
@Injectable()
export class TeamRepository extends BaseRepository {
  /**
   * `team`: the members as a FROM item named TEAM_ALIAS whose parameters come first. Unsorted. The team is
   * materialised once so that each distinct PPK's reference is read once (a seksi head's 128 rows share one
   * PPK: 4,355 → 2,958 shared buffers per call in EXPLAIN (ANALYZE, BUFFERS), docs/performance.md).
   */
  members(team: ScopeSql, onDate: string, year: number, relations: TeamMember['relation'][]): Promise<TeamMember[]> {
    const n = team.params.length;
    const on = `$${n + 1}::date`;
    const m = TEAM_ALIAS;
    return this.db().query(
      `WITH ${m} AS MATERIALIZED (SELECT * FROM ${team.sql})
       SELECT p.nip, p.name, p."positionTitle", p."unitCode", p."unitName", ${m}.relation,
              COALESCE(pp.nip, '') AS "ppkNip", s.status AS skp, ${evaluationStatusJsonSql('s.id')} AS evaluations
         FROM ${m}
        CROSS JOIN LATERAL ${personRefSql(`${m}.employee_id`, on)} p
         LEFT JOIN (SELECT x.ppk_id, r.nip FROM (SELECT DISTINCT ppk_id FROM ${m}) x
                     CROSS JOIN LATERAL ${personRefSql('x.ppk_id', on)} r) pp ON pp.ppk_id = ${m}.ppk_id
         LEFT JOIN LATERAL ${skpOfYearSql(`${m}.employee_id`, `$${n + 2}::int`)} s ON TRUE
        WHERE ${m}.relation = ANY($${n + 3}::text[])`,
      [...team.params, onDate, year, relations],
    );
  }
}
