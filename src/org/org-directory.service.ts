import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { EmployeePersonalFields } from './employee-personal';
import { EmployeePersonalRepository } from './employee-personal.repository';
import { EmployeeStanding, OrgDirectoryRepository } from './org-directory.repository';
import { UnitNode, UnitTreeRepository } from './unit-tree.repository';

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

/**
 * Answers "who was where, under whom, on a date". PPK = delegation (Plt/Plh/delegasi) in force,
 * else the supervisor on the assignment in force; atasan PPK = the PPK's PPK.
 */
@Injectable()
export class OrgDirectory {
  constructor(
    private readonly dataSource: DataSource,
    private readonly personal: EmployeePersonalRepository,
    private readonly units: UnitTreeRepository,
    private readonly directory: OrgDirectoryRepository,
  ) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  async snapshotById(employeeId: string, onDate: string, manager?: EntityManager): Promise<AssignmentSnapshot | null> {
    const rows = await this.m(manager).query(`${SNAPSHOT_SQL} WHERE e.id = $1`, [employeeId, onDate]);
    return rows[0] ?? null;
  }

  async snapshotByNip(nip: string, onDate: string, manager?: EntityManager): Promise<AssignmentSnapshot | null> {
    const rows = await this.m(manager).query(`${SNAPSHOT_SQL} WHERE e.nip = $1`, [nip, onDate]);
    return rows[0] ?? null;
  }

  /** Personal fields printed on official documents (PAK): null where not recorded. */
  documentIdentity(employeeId: string, manager?: EntityManager): Promise<EmployeePersonalFields> {
    return this.personal.read(employeeId, this.m(manager));
  }

  /** Snapshots of many employees on one date, in one query (those without an assignment then are left out). */
  async snapshotsByIds(employeeIds: string[], onDate: string, manager?: EntityManager): Promise<AssignmentSnapshot[]> {
    if (employeeIds.length === 0) return [];
    return this.m(manager).query(`${SNAPSHOT_SQL} WHERE e.id = ANY($1::uuid[]) ORDER BY e.name, e.nip`, [
      employeeIds,
      onDate,
    ]);
  }

  /**
   * Direct reports of several PPKs on a date in one query (the rule of `ppkOf`: a delegation in force
   * overrides the supervisor on the assignment).
   */
  async reportsOf(
    ppkIds: string[],
    onDate: string,
    manager?: EntityManager,
  ): Promise<{ employeeId: string; ppkId: string }[]> {
    if (ppkIds.length === 0) return [];
    return this.m(manager).query(
      `SELECT a.employee_id AS "employeeId", a.supervisor_id AS "ppkId" FROM employee_assignments a
        WHERE a.supervisor_id = ANY($1::uuid[]) AND a.valid_from <= $2::date AND (a.valid_to IS NULL OR a.valid_to > $2::date)
          AND NOT EXISTS (SELECT 1 FROM ppk_delegations d WHERE d.employee_id = a.employee_id AND d.valid_from <= $2::date AND (d.valid_to IS NULL OR d.valid_to >= $2::date))
       UNION
       SELECT d.employee_id, d.ppk_id FROM ppk_delegations d
        WHERE d.ppk_id = ANY($1::uuid[]) AND d.valid_from <= $2::date AND (d.valid_to IS NULL OR d.valid_to >= $2::date)
          AND d.ppk_id = ppk_on(d.employee_id, $2::date)`,
      [ppkIds, onDate],
    );
  }

  async ppkOf(employeeId: string, onDate: string, manager?: EntityManager): Promise<string | null> {
    const rows: { ppk: string | null }[] = await this.m(manager).query(
      `SELECT COALESCE(
         (SELECT d.ppk_id FROM ppk_delegations d WHERE d.employee_id = $1 AND d.valid_from <= $2::date AND (d.valid_to IS NULL OR d.valid_to >= $2::date) ORDER BY d.valid_from DESC LIMIT 1),
         (SELECT a.supervisor_id FROM employee_assignments a WHERE a.employee_id = $1 AND a.valid_from <= $2::date AND (a.valid_to IS NULL OR a.valid_to > $2::date))
       ) AS ppk`,
      [employeeId, onDate],
    );
    return rows[0]?.ppk ?? null;
  }

  async atasanPpkOf(employeeId: string, onDate: string, manager?: EntityManager): Promise<string | null> {
    const ppk = await this.ppkOf(employeeId, onDate, manager);
    return ppk ? this.ppkOf(ppk, onDate, manager) : null;
  }

  /** Employees whose PPK on the date is `ppkId` (direct reports, including by delegation). */
  async directReportIds(ppkId: string, onDate: string, manager?: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await this.m(manager).query(
      `SELECT a.employee_id AS id FROM employee_assignments a
        WHERE a.supervisor_id = $1 AND a.valid_from <= $2::date AND (a.valid_to IS NULL OR a.valid_to > $2::date)
          AND NOT EXISTS (SELECT 1 FROM ppk_delegations d WHERE d.employee_id = a.employee_id AND d.valid_from <= $2::date AND (d.valid_to IS NULL OR d.valid_to >= $2::date))
       UNION
       SELECT d.employee_id FROM ppk_delegations d WHERE d.ppk_id = $1 AND d.valid_from <= $2::date AND (d.valid_to IS NULL OR d.valid_to >= $2::date)`,
      [ppkId, onDate],
    );
    return rows.map((r) => r.id);
  }

  /** Plt delegations naming `ppkId` as the acting official that overlap [from, to]: each may get an ACTING SKP (spec 04 §1.2). */
  async pltDelegationsOf(
    ppkId: string,
    from: string,
    to: string,
    manager?: EntityManager,
  ): Promise<PltDelegationRef[]> {
    return this.m(manager).query(
      `SELECT d.id AS "delegationId", e.nip, e.name, to_char(d.valid_from,'YYYY-MM-DD') AS "validFrom",
              to_char(d.valid_to,'YYYY-MM-DD') AS "validTo"
         FROM ppk_delegations d JOIN employees e ON e.id = d.employee_id
        WHERE d.ppk_id = $1 AND d.kind = 'PLT' AND d.valid_from <= $3::date AND (d.valid_to IS NULL OR d.valid_to >= $2::date)
        ORDER BY d.valid_from, e.name`,
      [ppkId, from, to],
    );
  }

  /** Everyone with an assignment on a date (optionally only in some units), by NIP. */
  async snapshotsOn(onDate: string, unitIds?: string[], manager?: EntityManager): Promise<AssignmentSnapshot[]> {
    return this.m(manager).query(
      `${SNAPSHOT_SQL} WHERE ($1::uuid[] IS NULL OR a.unit_id = ANY($1::uuid[])) ORDER BY e.nip`,
      [unitIds ?? null, onDate],
    );
  }

  /** Which of these NIPs are employees (any assignment, past or present). */
  async existingNips(nips: string[], manager?: EntityManager): Promise<string[]> {
    const rows: { nip: string }[] = await this.m(manager).query(
      `SELECT nip FROM employees WHERE nip = ANY($1::text[])`,
      [nips],
    );
    return rows.map((r) => r.nip);
  }

  /** Employee ids of these NIPs. */
  async idsByNips(nips: string[], manager?: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await this.m(manager).query(`SELECT id FROM employees WHERE nip = ANY($1::text[])`, [
      nips,
    ]);
    return rows.map((r) => r.id);
  }

  /** The id of a unit by its code, or null. */
  async unitIdByCode(code: string, manager?: EntityManager): Promise<string | null> {
    const rows: { id: string }[] = await this.m(manager).query(`SELECT id FROM units WHERE code = $1`, [code]);
    return rows[0]?.id ?? null;
  }

  /** Unit ids of a unit and all units below it. */
  async subtreeUnitIds(unitId: string, manager?: EntityManager): Promise<string[]> {
    return (await this.units.subtree(unitId, manager)).map((u) => u.id);
  }

  /** Unit ids of the unit with this code and all units below it; empty when no unit has the code. */
  async subtreeUnitIdsByCode(code: string, manager?: EntityManager): Promise<string[]> {
    const id = await this.units.idByCode(code, manager);
    return id ? this.subtreeUnitIds(id, manager) : [];
  }

  /** The employee's id by NIP (whatever their assignments); null when unknown. */
  employeeIdByNip(nip: string, manager?: EntityManager): Promise<string | null> {
    return this.directory.idByNip(nip, manager);
  }

  /** NIP of each employee id asked for. */
  nipsByIds(ids: string[], manager?: EntityManager): Promise<Map<string, string>> {
    return this.directory.nipsByIds(ids, manager);
  }

  /** NIP, status and the position kind in force on the date (null when none) of each employee asked for. */
  standings(ids: string[], onDate: string, manager?: EntityManager): Promise<EmployeeStanding[]> {
    return this.directory.standings(ids, onDate, manager);
  }

  /** Employees of a status with an open assignment (in post), e.g. every PPPK for the contract review (04 §6). */
  currentIdsByStatus(status: 'PNS' | 'PPPK', manager?: EntityManager): Promise<string[]> {
    return this.directory.currentIdsByStatus(status, manager);
  }

  /** One recorded employee event (mutasi, pensiun, Plt end …); null when unknown. */
  employeeEvent(id: string, manager?: EntityManager) {
    return this.directory.event(id, manager);
  }

  /** Employees whose open assignment is in the unit with this code or below it. */
  async currentMemberIdsOfSubtree(unitCode: string, manager?: EntityManager): Promise<string[]> {
    return this.directory.currentMemberIds(await this.subtreeUnitIdsByCode(unitCode, manager), manager);
  }

  /** A unit and all units below it with their parents (the unit itself first). */
  subtreeUnits(unitId: string, manager?: EntityManager): Promise<UnitNode[]> {
    return this.units.subtree(unitId, manager);
  }

  /** A unit and every unit above it, nearest first; the last is the agency (the root). */
  ancestorUnits(unitId: string, manager?: EntityManager): Promise<UnitNode[]> {
    return this.units.ancestors(unitId, manager);
  }

  /** The head of a unit on a date (the employee whose assignment there is flagged isUnitHead). */
  async unitHeadId(unitId: string, onDate: string, manager?: EntityManager): Promise<string | null> {
    const rows: { id: string }[] = await this.m(manager).query(
      `SELECT a.employee_id AS id FROM employee_assignments a WHERE a.unit_id = $1 AND a.is_unit_head
          AND a.valid_from <= $2::date AND (a.valid_to IS NULL OR a.valid_to > $2::date) LIMIT 1`,
      [unitId, onDate],
    );
    return rows[0]?.id ?? null;
  }
}
