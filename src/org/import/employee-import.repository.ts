import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../../database/transaction';

/** An employee named in the file (or as a supervisor) that is already stored. */
export interface ExistingEmployee {
  id: string;
  nip: string;
  name: string;
  status: string;
}

/** A stored assignment row of an employee in the file (supervisor as NIP). */
export interface StoredAssignment {
  id: string;
  employee_id: string;
  valid_from: string;
  valid_to: string | null;
  unit_id: string;
  golongan: string;
  supervisor_nip: string | null;
  position_title: string;
  position_kind: string;
  jenjang: string | null;
  kelas_jabatan: number;
  is_unit_head: boolean;
  tmt: string;
}

/** The columns of new assignment rows, one array per column (the same length). */
export interface AssignmentColumns {
  employeeIds: string[];
  validFrom: string[];
  validTo: (string | null)[];
  unitIds: string[];
  golongan: string[];
  supervisorIds: (string | null)[];
  titles: string[];
  kinds: string[];
  jenjang: (string | null)[];
  kelasJabatan: number[];
  isUnitHead: boolean[];
  tmt: string[];
  reasons: string[];
}

/**
 * The bulk import's reads and writes: a handful of lookups and one multi-row statement per table
 * (unnest arrays), whatever the number of rows.
 */
@Injectable()
export class EmployeeImportRepository extends BaseRepository {
  /** One import at a time (until the caller's transaction ends). */
  async lock(): Promise<void> {
    await this.db().query(`SELECT pg_advisory_xact_lock(hashtext('skp-engine:employee-import'))`);
  }

  async unitIdsByCode(codes: string[]): Promise<Map<string, string>> {
    const rows: { code: string; id: string }[] = await this.db().query(
      `SELECT code, id FROM units WHERE code = ANY($1::varchar[])`,
      [codes],
    );
    return new Map(rows.map((u) => [u.code, u.id]));
  }

  /** Stored employees among these NIPs. */
  existing(nips: string[]): Promise<ExistingEmployee[]> {
    return this.db().query(`SELECT e.id, e.nip, e.name, e.status FROM employees e WHERE e.nip = ANY($1::char(18)[])`, [
      nips,
    ]);
  }

  /** Every assignment row of these employees, by employee then date. */
  assignmentsOf(employeeIds: string[]): Promise<StoredAssignment[]> {
    return this.db().query(
      `SELECT a.id, a.employee_id, to_char(a.valid_from,'YYYY-MM-DD') AS valid_from, to_char(a.valid_to,'YYYY-MM-DD') AS valid_to, a.unit_id, a.golongan,
              s.nip AS supervisor_nip, a.position_title, a.position_kind, a.jenjang, a.kelas_jabatan, a.is_unit_head, to_char(a.tmt,'YYYY-MM-DD') AS tmt
         FROM employee_assignments a LEFT JOIN employees s ON s.id = a.supervisor_id
        WHERE a.employee_id = ANY($1::uuid[]) ORDER BY a.employee_id, a.valid_from`,
      [employeeIds],
    );
  }

  /** The supervisor NIP of each employee NIP on their open assignment. */
  async currentSupervisors(): Promise<Map<string, string>> {
    const rows: { nip: string; sup: string }[] = await this.db().query(
      `SELECT e.nip, s.nip AS sup FROM employee_assignments a JOIN employees e ON e.id = a.employee_id JOIN employees s ON s.id = a.supervisor_id WHERE a.valid_to IS NULL`,
    );
    return new Map(rows.map((r) => [r.nip, r.sup]));
  }

  async idsByNips(nips: string[]): Promise<{ id: string; nip: string }[]> {
    return this.db().query(`SELECT id, nip FROM employees WHERE nip = ANY($1::char(18)[])`, [nips]);
  }

  insertEmployees(nips: string[], names: string[], statuses: string[]): Promise<{ id: string; nip: string }[]> {
    return this.db().query(
      `INSERT INTO employees (nip, name, status) SELECT * FROM unnest($1::char(18)[], $2::varchar[], $3::varchar[]) RETURNING id, nip`,
      [nips, names, statuses],
    );
  }

  async updateIdentities(ids: string[], names: string[], statuses: string[]): Promise<void> {
    await this.db().query(
      `UPDATE employees e SET name = v.name, status = v.status, updated_at = now() FROM unnest($1::uuid[], $2::varchar[], $3::varchar[]) AS v(id, name, status) WHERE e.id = v.id`,
      [ids, names, statuses],
    );
  }

  async closeAssignments(ids: string[], validTo: string[]): Promise<void> {
    await this.db().query(
      `UPDATE employee_assignments a SET valid_to = v.d FROM unnest($1::uuid[], $2::date[]) AS v(id, d) WHERE a.id = v.id`,
      [ids, validTo],
    );
  }

  async insertAssignments(c: AssignmentColumns): Promise<void> {
    await this.db().query(
      `INSERT INTO employee_assignments (employee_id, valid_from, valid_to, unit_id, golongan, supervisor_id, position_title, position_kind, jenjang, kelas_jabatan, is_unit_head, tmt, reason)
       SELECT * FROM unnest($1::uuid[], $2::date[], $3::date[], $4::uuid[], $5::varchar[], $6::uuid[], $7::varchar[], $8::varchar[], $9::varchar[], $10::smallint[], $11::boolean[], $12::date[], $13::varchar[])`,
      [
        c.employeeIds,
        c.validFrom,
        c.validTo,
        c.unitIds,
        c.golongan,
        c.supervisorIds,
        c.titles,
        c.kinds,
        c.jenjang,
        c.kelasJabatan,
        c.isUnitHead,
        c.tmt,
        c.reasons,
      ],
    );
  }
}
