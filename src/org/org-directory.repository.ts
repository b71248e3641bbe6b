import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../database/transaction';
import { reportsSql } from './team-members.repository';

export interface EmployeeStanding {
  id: string;
  nip: string;
  status: 'PNS' | 'PPPK';
  /** Position kind of the assignment in force on the date; null when none. */
  positionKind: string | null;
}

export interface AssignmentSnapshot {
  employeeId: string;
  nip: string;
  name: string;
  status: 'PNS' | 'PPPK';
  validFrom: string;
  validTo: string | null;
  unitId: string;
  unitCode: string;
  unitName: string;
  golongan: string;
  supervisorId: string | null;
  positionTitle: string;
  positionKind: string;
  jenjang: string | null;
  kelasJabatan: number;
  isUnitHead: boolean;
  tmt: string;
}

/** A recorded employee event (mutasi, pensiun, Plt end …). */
export interface RecordedEmployeeEvent {
  employeeId: string;
  type: string;
  date: string;
  delegationId: string | null;
}

/** A delegation (Plt/Plh/delegasi) by id: whose PPK it makes whom, and when. */
export interface DelegationRef {
  id: string;
  employeeId: string;
  ppkId: string;
  kind: string;
  validFrom: string;
  validTo: string | null;
}

/** A Plt delegation as the acting official sees it: whom they rate, from when to when. */
export interface PltDelegationRef {
  delegationId: string;
  nip: string;
  name: string;
  validFrom: string;
  validTo: string | null;
}

const SNAPSHOT_SQL = `
  SELECT e.id AS "employeeId", e.nip, e.name, e.status,
         to_char(a.valid_from,'YYYY-MM-DD') AS "validFrom", to_char(a.valid_to,'YYYY-MM-DD') AS "validTo",
         a.unit_id AS "unitId", u.code AS "unitCode", u.name AS "unitName", a.golongan,
         a.supervisor_id AS "supervisorId", a.position_title AS "positionTitle", a.position_kind AS "positionKind",
         a.jenjang, a.kelas_jabatan AS "kelasJabatan", a.is_unit_head AS "isUnitHead", to_char(a.tmt,'YYYY-MM-DD') AS tmt
    FROM employees e
    JOIN employee_assignments a ON a.employee_id = e.id AND a.valid_from <= $2::date AND (a.valid_to IS NULL OR a.valid_to > $2::date)
    JOIN units u ON u.id = a.unit_id`;

/** The columns of SNAPSHOT_SQL, for reads of (employee, date) pairs. */
const SNAPSHOT_COLUMNS = `
  e.id AS "employeeId", e.nip, e.name, e.status, to_char(a.valid_from,'YYYY-MM-DD') AS "validFrom", to_char(a.valid_to,'YYYY-MM-DD') AS "validTo",
  a.unit_id AS "unitId", u.code AS "unitCode", u.name AS "unitName", a.golongan, a.supervisor_id AS "supervisorId",
  a.position_title AS "positionTitle", a.position_kind AS "positionKind", a.jenjang, a.kelas_jabatan AS "kelasJabatan",
  a.is_unit_head AS "isUnitHead", to_char(a.tmt,'YYYY-MM-DD') AS tmt`;

/**
 * The SQL twin of `ppkOf` as a list filter (for AccessPolicy): rows whose employee column `col` is the
 * caller `me` (an SQL parameter), someone the caller is PPK of on `refDate`, or—where `leaderReadable`
 * holds—the caller's own PPK. Cheap candidate filters first (people ever under / over the caller),
 * then the exact rule on the date.
 */
export function supervisionScopeSql(me: string, col: string, refDate: string, leaderReadable?: string): string {
  const everRatedByMe = `(SELECT employee_id FROM employee_assignments WHERE supervisor_id = ${me} UNION SELECT employee_id FROM ppk_delegations WHERE ppk_id = ${me})`;
  const everRatingMe = `(SELECT supervisor_id FROM employee_assignments WHERE employee_id = ${me} AND supervisor_id IS NOT NULL UNION SELECT ppk_id FROM ppk_delegations WHERE employee_id = ${me})`;
  const leader = leaderReadable
    ? ` OR ((${leaderReadable}) AND ${col} IN ${everRatingMe} AND ppk_on(${me}, ${refDate}) = ${col})`
    : '';
  return `(${col} = ${me} OR (${col} IN ${everRatedByMe} AND ppk_on(${col}, ${refDate}) = ${me})${leader})`;
}

/**
 * The body of the SQL function `ppk_on(emp, d)` (migration 1764600000000) as an expression. PostgreSQL 15 cannot
 * inline that function (its body has subqueries), and a non-inlined SQL function's body is parsed and planned
 * again on every execution of the calling statement: in the one-row access read on every evaluation request
 * the three calls cost 0.6 ms of backend CPU per execution against 0.15 ms inlined (a prepared statement,
 * 500 executions each). Keep it identical to the function.
 */
function ppkOnInlineSql(emp: string, d: string): string {
  return `COALESCE(
    (SELECT pd.ppk_id FROM ppk_delegations pd WHERE pd.employee_id = ${emp} AND pd.valid_from <= ${d} AND (pd.valid_to IS NULL OR pd.valid_to >= ${d}) ORDER BY pd.valid_from DESC LIMIT 1),
    (SELECT ea.supervisor_id FROM employee_assignments ea WHERE ea.employee_id = ${emp} AND ea.valid_from <= ${d} AND (ea.valid_to IS NULL OR ea.valid_to > ${d}) LIMIT 1))`;
}

/** The row of `ppkChainSql`: the employee's PPK, the PPK's PPK and the caller's own PPK on the date. */
export interface PpkChainRow {
  ppk: string | null;
  atasan: string | null;
  callerPpk: string | null;
  subject?: AssignmentSnapshot | null;
}

/**
 * `OrgDirectoryRepository.ppkChain` as a SELECT of one row (ppk, atasan, "callerPpk" and, with `withSubject`, the
 * employee's snapshot as json) over SQL expressions, for a reader that folds the access read into its own statement.
 */
export function ppkChainSql(emp: string, caller: string, d: string, withSubject: boolean): string {
  const subject = withSubject
    ? `, (SELECT row_to_json(s) FROM (SELECT ${SNAPSHOT_COLUMNS} FROM employees e
         JOIN employee_assignments a ON a.employee_id = e.id AND a.valid_from <= ${d} AND (a.valid_to IS NULL OR a.valid_to > ${d})
         JOIN units u ON u.id = a.unit_id WHERE e.id = ${emp}) s) AS subject`
    : '';
  return `SELECT p.ppk, CASE WHEN p.ppk IS NULL THEN NULL ELSE ${ppkOnInlineSql('p.ppk', d)} END AS atasan,
              ${ppkOnInlineSql(caller, d)} AS "callerPpk"${subject}
         FROM (SELECT ${ppkOnInlineSql(emp, d)} AS ppk) p`;
}

/** One assignment row as the angka kredit ledger reads the career (valid_from order). */
export interface CareerAssignmentRow {
  employee_id: string;
  valid_from: string;
  position_kind: string;
  jenjang: string | null;
  golongan: string;
}

/** `employees` and `employee_assignments` as the org directory publishes them to other features. */
@Injectable()
export class OrgDirectoryRepository extends BaseRepository {
  async idByNip(nip: string): Promise<string | null> {
    const rows: { id: string }[] = await this.db().query(`SELECT id FROM employees WHERE nip = $1`, [nip]);
    return rows[0]?.id ?? null;
  }

  async nipsByIds(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; nip: string }[] = await this.db().query(
      `SELECT id, nip FROM employees WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.nip]));
  }

  /** Every employee asked for (with or without an assignment on the date). */
  standings(ids: string[], onDate: string): Promise<EmployeeStanding[]> {
    return this.db().query(
      `SELECT emp.id, emp.nip, emp.status, a.position_kind AS "positionKind"
         FROM employees emp
         LEFT JOIN employee_assignments a ON a.employee_id = emp.id AND a.valid_from <= $2::date AND (a.valid_to IS NULL OR a.valid_to > $2::date)
        WHERE emp.id = ANY($1::uuid[])`,
      [ids, onDate],
    );
  }

  /** Employees of a status (PNS / PPPK) with an open assignment (no end date): those in post. */
  async currentIdsByStatus(status: 'PNS' | 'PPPK'): Promise<string[]> {
    const rows: { id: string }[] = await this.db().query(
      `SELECT DISTINCT a.employee_id AS id FROM employee_assignments a JOIN employees e ON e.id = a.employee_id
        WHERE a.valid_to IS NULL AND e.status = $1`,
      [status],
    );
    return rows.map((r) => r.id);
  }

  /** Employees whose open assignment (no end date) is in one of the units. */
  async currentMemberIds(unitIds: string[]): Promise<string[]> {
    if (unitIds.length === 0) return [];
    const rows: { id: string }[] = await this.db().query(
      `SELECT DISTINCT employee_id AS id FROM employee_assignments WHERE valid_to IS NULL AND unit_id = ANY($1::uuid[])`,
      [unitIds],
    );
    return rows.map((r) => r.id);
  }

  /** One recorded employee event (mutasi, pensiun, Plt end …). */
  async event(id: string): Promise<RecordedEmployeeEvent | null> {
    const rows: RecordedEmployeeEvent[] = await this.db().query(
      `SELECT employee_id AS "employeeId", type, to_char(event_date,'YYYY-MM-DD') AS date, delegation_id AS "delegationId"
         FROM employee_events WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Snapshots of (employee, date) pairs in one read; pairs without an assignment then are left out. */
  snapshotsAt(ids: (string | null)[], dates: string[]): Promise<(AssignmentSnapshot & { onDate: string })[]> {
    return this.db().query(
      `SELECT ${SNAPSHOT_COLUMNS}, to_char(x.d,'YYYY-MM-DD') AS "onDate"
         FROM (SELECT DISTINCT id, d FROM unnest($1::uuid[], $2::date[]) AS x(id, d) WHERE id IS NOT NULL) x
         JOIN employees e ON e.id = x.id
         JOIN employee_assignments a ON a.employee_id = e.id AND a.valid_from <= x.d AND (a.valid_to IS NULL OR a.valid_to > x.d)
         JOIN units u ON u.id = a.unit_id`,
      [ids, dates],
    );
  }

  /**
   * PPK and atasan PPK of each (employee, date) pair, in the pairs' order. The atasan is looked up once per
   * distinct (PPK, date): a unit's staff share their PPK (a year-end batch of 1,000: 6,300 buffers instead of
   * 15,900 in EXPLAIN (ANALYZE, BUFFERS), docs/performance.md).
   */
  ppkChainsAt(ids: string[], dates: string[]): Promise<{ ppk: string | null; atasan: string | null }[]> {
    return this.db().query(
      `WITH p AS MATERIALIZED (
         SELECT x.n, x.d, ppk_on(x.id, x.d) AS ppk FROM unnest($1::uuid[], $2::date[]) WITH ORDINALITY AS x(id, d, n)
       ), a AS MATERIALIZED (
         SELECT ppk, d, ppk_on(ppk, d) AS atasan FROM (SELECT DISTINCT ppk, d FROM p WHERE ppk IS NOT NULL) s
       )
       SELECT p.ppk, a.atasan FROM p LEFT JOIN a ON a.ppk = p.ppk AND a.d = p.d ORDER BY p.n`,
      [ids, dates],
    );
  }

  /**
   * The employee's PPK and the PPK's PPK on a date, and the caller's own PPK then, in one read (`ppk_on`'s rule,
   * inlined: see `ppkOnInlineSql`);
   * with `withSubject`, the employee's snapshot on the date too (null without an assignment then).
   */
  async ppkChain(employeeId: string, callerId: string, onDate: string, withSubject = false): Promise<PpkChainRow> {
    const rows: PpkChainRow[] = await this.db().query(ppkChainSql('$1::uuid', '$2::uuid', '$3::date', withSubject), [
      employeeId,
      callerId,
      onDate,
    ]);
    return withSubject ? { ...rows[0], subject: rows[0].subject ?? null } : rows[0];
  }

  async people(ids: string[]): Promise<Map<string, { nip: string; name: string }>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; nip: string; name: string }[] = await this.db().query(
      `SELECT id, nip, name FROM employees WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, { nip: r.nip, name: r.name }]));
  }

  async snapshotById(employeeId: string, onDate: string): Promise<AssignmentSnapshot | null> {
    const rows: AssignmentSnapshot[] = await this.db().query(`${SNAPSHOT_SQL} WHERE e.id = $1`, [employeeId, onDate]);
    return rows[0] ?? null;
  }

  async snapshotByNip(nip: string, onDate: string): Promise<AssignmentSnapshot | null> {
    const rows: AssignmentSnapshot[] = await this.db().query(`${SNAPSHOT_SQL} WHERE e.nip = $1`, [nip, onDate]);
    return rows[0] ?? null;
  }

  /**
   * Driven by the id list: one index lookup per id (employees, then the assignment in force). As a join
   * over `e.id = ANY($1)` the planner's custom plan for a team (~100 ids) hashed the whole roster with
   * two sequential scans (docs/performance.md, team list); the LATERAL with OFFSET 0 cannot be flattened.
   */
  snapshotsByIds(employeeIds: string[], onDate: string): Promise<AssignmentSnapshot[]> {
    return this.db().query(
      `SELECT s.* FROM (SELECT DISTINCT id FROM unnest($1::uuid[]) AS x(id)) x
       CROSS JOIN LATERAL (${SNAPSHOT_SQL} WHERE e.id = x.id OFFSET 0) s
       ORDER BY s.name, s.nip`,
      [employeeIds, onDate],
    );
  }

  snapshotsOn(onDate: string, unitIds: string[] | null): Promise<AssignmentSnapshot[]> {
    return this.db().query(`${SNAPSHOT_SQL} WHERE ($1::uuid[] IS NULL OR a.unit_id = ANY($1::uuid[])) ORDER BY e.nip`, [
      unitIds,
      onDate,
    ]);
  }

  /** Direct reports of several PPKs on a date (`reportsSql`: a delegation in force overrides the supervisor on the assignment). */
  reportsOf(ppkIds: string[], onDate: string): Promise<{ employeeId: string; ppkId: string }[]> {
    return this.db().query(
      `SELECT r.employee_id AS "employeeId", r.ppk_id AS "ppkId" FROM (${reportsSql('$1::uuid[]', '$2::date')}) r`,
      [ppkIds, onDate],
    );
  }

  /** Serialises writers per employee until the caller's transaction ends. */
  async lockEmployee(employeeId: string): Promise<void> {
    await this.db().query(`SELECT id FROM employees WHERE id = $1 FOR UPDATE`, [employeeId]);
  }

  async delegation(id: string): Promise<DelegationRef | null> {
    const rows: DelegationRef[] = await this.db().query(
      `SELECT id, employee_id AS "employeeId", ppk_id AS "ppkId", kind, to_char(valid_from,'YYYY-MM-DD') AS "validFrom",
              to_char(valid_to,'YYYY-MM-DD') AS "validTo" FROM ppk_delegations WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async ppkOf(employeeId: string, onDate: string): Promise<string | null> {
    const rows: { ppk: string | null }[] = await this.db().query(
      `SELECT COALESCE(
         (SELECT d.ppk_id FROM ppk_delegations d WHERE d.employee_id = $1 AND d.valid_from <= $2::date AND (d.valid_to IS NULL OR d.valid_to >= $2::date) ORDER BY d.valid_from DESC LIMIT 1),
         (SELECT a.supervisor_id FROM employee_assignments a WHERE a.employee_id = $1 AND a.valid_from <= $2::date AND (a.valid_to IS NULL OR a.valid_to > $2::date))
       ) AS ppk`,
      [employeeId, onDate],
    );
    return rows[0]?.ppk ?? null;
  }

  async directReportIds(ppkId: string, onDate: string): Promise<string[]> {
    const rows: { id: string }[] = await this.db().query(
      `SELECT a.employee_id AS id FROM employee_assignments a
        WHERE a.supervisor_id = $1 AND a.valid_from <= $2::date AND (a.valid_to IS NULL OR a.valid_to > $2::date)
          AND NOT EXISTS (SELECT 1 FROM ppk_delegations d WHERE d.employee_id = a.employee_id AND d.valid_from <= $2::date AND (d.valid_to IS NULL OR d.valid_to >= $2::date))
       UNION
       SELECT d.employee_id FROM ppk_delegations d WHERE d.ppk_id = $1 AND d.valid_from <= $2::date AND (d.valid_to IS NULL OR d.valid_to >= $2::date)`,
      [ppkId, onDate],
    );
    return rows.map((r) => r.id);
  }

  pltDelegationsOf(ppkId: string, from: string, to: string): Promise<PltDelegationRef[]> {
    return this.db().query(
      `SELECT d.id AS "delegationId", e.nip, e.name, to_char(d.valid_from,'YYYY-MM-DD') AS "validFrom",
              to_char(d.valid_to,'YYYY-MM-DD') AS "validTo"
         FROM ppk_delegations d JOIN employees e ON e.id = d.employee_id
        WHERE d.ppk_id = $1 AND d.kind = 'PLT' AND d.valid_from <= $3::date AND (d.valid_to IS NULL OR d.valid_to >= $2::date)
        ORDER BY d.valid_from, e.name`,
      [ppkId, from, to],
    );
  }

  async existingNips(nips: string[]): Promise<string[]> {
    const rows: { nip: string }[] = await this.db().query(`SELECT nip FROM employees WHERE nip = ANY($1::text[])`, [
      nips,
    ]);
    return rows.map((r) => r.nip);
  }

  async idsByNips(nips: string[]): Promise<string[]> {
    const rows: { id: string }[] = await this.db().query(`SELECT id FROM employees WHERE nip = ANY($1::text[])`, [
      nips,
    ]);
    return rows.map((r) => r.id);
  }

  async unitIdByCode(code: string): Promise<string | null> {
    const rows: { id: string }[] = await this.db().query(`SELECT id FROM units WHERE code = $1`, [code]);
    return rows[0]?.id ?? null;
  }

  async unitHeadId(unitId: string, onDate: string): Promise<string | null> {
    const rows: { id: string }[] = await this.db().query(
      `SELECT a.employee_id AS id FROM employee_assignments a WHERE a.unit_id = $1 AND a.is_unit_head
          AND a.valid_from <= $2::date AND (a.valid_to IS NULL OR a.valid_to > $2::date) LIMIT 1`,
      [unitId, onDate],
    );
    return rows[0]?.id ?? null;
  }

  /** Employee id of each known NIP asked for. */
  async idsOfNips(nips: string[]): Promise<Map<string, string>> {
    if (nips.length === 0) return new Map();
    const rows: { id: string; nip: string }[] = await this.db().query(
      `SELECT id, nip FROM employees WHERE nip = ANY($1::text[])`,
      [nips],
    );
    return new Map(rows.map((r) => [r.nip, r.id]));
  }

  /** NIP and status (PNS / PPPK) of each employee asked for. */
  identities(ids: string[]): Promise<{ id: string; nip: string; status: 'PNS' | 'PPPK' }[]> {
    return this.db().query(`SELECT id, nip, status FROM employees WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /** Every assignment of the employees that started on or before `upTo`, per employee oldest first. */
  careers(ids: string[], upTo: string): Promise<CareerAssignmentRow[]> {
    return this.db().query(
      `SELECT employee_id, to_char(valid_from,'YYYY-MM-DD') AS valid_from, position_kind, jenjang, golongan
         FROM employee_assignments WHERE employee_id = ANY($1::uuid[]) AND valid_from <= $2::date ORDER BY employee_id, valid_from`,
      [ids, upTo],
    );
  }

  /** The unit of each employee's latest assignment overlapping [from, to] (inclusive dates). */
  async unitsInPeriod(ids: string[], from: string, to: string): Promise<Map<string, string>> {
    const rows: { employee_id: string; unit_id: string }[] = await this.db().query(
      `SELECT DISTINCT ON (employee_id) employee_id, unit_id FROM employee_assignments
        WHERE employee_id = ANY($1::uuid[]) AND valid_from <= $3::date AND (valid_to IS NULL OR valid_to > $2::date)
        ORDER BY employee_id, valid_from DESC`,
      [ids, from, to],
    );
    return new Map(rows.map((r) => [r.employee_id, r.unit_id]));
  }
}
