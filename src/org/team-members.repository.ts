/**
 * The PPK relation as SQL fragments for readers that join a team in their own statement (the team list
 * reads the members, their SKPs and evaluations in one round trip). `OrgDirectoryRepository.reportsOf`
 * runs the same rule on its own.
 */

/**
 * Direct reports of the PPKs `ppkIds` (a uuid[] expression) on `onDate`, rows (employee_id, ppk_id): a
 * delegation in force overrides the supervisor on the assignment (the rule of `ppkOf`). Driven by the id
 * list: as a join over `supervisor_id = ANY(…)` the custom plan for a team's ids (the second level of
 * `teamOf`) was a sequential scan of the roster at 20,000 employees. An id that supervises no assignment
 * at all skips the dated bitmap scan after an index-only probe: a seksi head's 128 staff supervise nobody,
 * and their 128 empty bitmap scans were a quarter of the team's CPU (1.4 → 1.0 ms per call, replayed).
 */
export function reportsSql(ppkIds: string, onDate: string): string {
  return `SELECT a.employee_id, a.supervisor_id AS ppk_id
            FROM (SELECT DISTINCT id FROM unnest(${ppkIds}) AS x(id)
                   WHERE EXISTS (SELECT 1 FROM employee_assignments s WHERE s.supervisor_id = x.id)) x
           CROSS JOIN LATERAL (SELECT a.employee_id, a.supervisor_id FROM employee_assignments a
                                WHERE a.supervisor_id = x.id AND a.valid_from <= ${onDate} AND (a.valid_to IS NULL OR a.valid_to > ${onDate})
                               OFFSET 0) a
           WHERE NOT EXISTS (SELECT 1 FROM ppk_delegations d WHERE d.employee_id = a.employee_id AND d.valid_from <= ${onDate} AND (d.valid_to IS NULL OR d.valid_to >= ${onDate}))
          UNION
          SELECT d.employee_id, d.ppk_id FROM ppk_delegations d
           WHERE d.ppk_id = ANY(${ppkIds}) AND d.valid_from <= ${onDate} AND (d.valid_to IS NULL OR d.valid_to >= ${onDate})
             AND d.ppk_id = ppk_on(d.employee_id, ${onDate})`;
}

/**
 * The team of `me` on `onDate` as a FROM item named `alias` with the columns (employee_id, ppk_id, relation):
 * 'PPK' for my direct reports, 'ATASAN_PPK' for theirs with their PPK (`AccessPolicy.teamOf`: two levels,
 * `me` left out of both). The members travel as one array: the planner estimates 10 rows for it and costs
 * the per-member lookups for a team, where the statistics of two levels of ~100 reports (100,000 employees)
 * priced the statement past `jit_above_cost` and each execution spent ~1 s compiling (EXPLAIN ANALYZE).
 */
export function teamMembersSql(me: string, onDate: string, alias: string): string {
  return `unnest(ARRAY(
            WITH direct AS MATERIALIZED (SELECT r.employee_id FROM (${reportsSql(`ARRAY[${me}]`, onDate)}) r WHERE r.employee_id <> ${me})
            SELECT ROW(employee_id, ${me}, 'PPK'::text) FROM direct
            UNION ALL
            SELECT ROW(r.employee_id, r.ppk_id, 'ATASAN_PPK'::text)
              FROM (${reportsSql('ARRAY(SELECT employee_id FROM direct)', onDate)}) r WHERE r.employee_id <> ${me}
          )) AS ${alias}(employee_id uuid, ppk_id uuid, relation text)`;
}

/**
 * A person's reference on `onDate` as a LATERAL subquery (nip, name, "positionTitle", "unitCode",
 * "unitName"; no row without an assignment then): the `PersonRef` of the snapshot, without its other columns.
 */
export function personRefSql(employeeId: string, onDate: string): string {
  return `(SELECT e.nip, e.name, a.position_title AS "positionTitle", u.code AS "unitCode", u.name AS "unitName"
             FROM employees e
             JOIN employee_assignments a ON a.employee_id = e.id AND a.valid_from <= ${onDate} AND (a.valid_to IS NULL OR a.valid_to > ${onDate})
             JOIN units u ON u.id = a.unit_id
            WHERE e.id = ${employeeId})`;
}
