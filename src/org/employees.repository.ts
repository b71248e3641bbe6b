import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../database/transaction';
import { EmployeeAssignmentEntity } from './entities/employee-assignment.entity';
import { EmployeeEntity } from './entities/employee.entity';

/** One row of an employee's assignment history as the employee page shows it. */
export interface AssignmentHistoryRow {
  validFrom: string;
  validTo: string | null;
  unitCode: string;
  golongan: string;
  supervisorNip: string | null;
  title: string;
  kind: string;
  jenjang: string | null;
  kelasJabatan: number;
  isUnitHead: boolean;
  tmt: string;
  reason: string | null;
}

/** `employees` and `employee_assignments`: the writes of the employee workflows and their lookups. */
@Injectable()
export class EmployeesRepository extends BaseRepository {
  private get employees() {
    return this.db().getRepository(EmployeeEntity);
  }

  private get assignments() {
    return this.db().getRepository(EmployeeAssignmentEntity);
  }

  existsByNip(nip: string): Promise<boolean> {
    return this.employees.existsBy({ nip });
  }

  async exists(id: string): Promise<boolean> {
    const rows: unknown[] = await this.db().query(`SELECT 1 FROM employees WHERE id = $1`, [id]);
    return rows.length > 0;
  }

  findByNip(nip: string): Promise<EmployeeEntity | null> {
    return this.employees.findOneBy({ nip });
  }

  /** The employee row locked for update (inside the caller's transaction). */
  lockByNip(nip: string): Promise<EmployeeEntity | null> {
    return this.employees.findOne({ where: { nip }, lock: { mode: 'pessimistic_write' } });
  }

  /** Serialises writers per employee (inside the caller's transaction). */
  async lockById(id: string): Promise<void> {
    await this.db().query(`SELECT id FROM employees WHERE id = $1 FOR UPDATE`, [id]);
  }

  insert(row: { nip: string; name: string; status: 'PNS' | 'PPPK' }): Promise<EmployeeEntity> {
    return this.employees.save(row);
  }

  async rename(id: string, name: string): Promise<void> {
    await this.employees.update({ id }, { name });
  }

  async idAndNipByNip(nip: string): Promise<{ id: string; nip: string } | null> {
    const rows: { id: string; nip: string }[] = await this.db().query(`SELECT id, nip FROM employees WHERE nip = $1`, [
      nip,
    ]);
    return rows[0] ?? null;
  }

  /** Ids and NIPs of these employees, by NIP. */
  idsAndNips(ids: string[]): Promise<{ id: string; nip: string }[]> {
    return this.db().query(`SELECT id, nip FROM employees WHERE id = ANY($1::uuid[]) ORDER BY nip`, [ids]);
  }

  /** Every assignment row of the employee, oldest first. */
  assignmentsOf(employeeId: string): Promise<EmployeeAssignmentEntity[]> {
    return this.assignments.find({ where: { employeeId }, order: { validFrom: 'ASC' } });
  }

  async insertAssignment(row: Partial<EmployeeAssignmentEntity>): Promise<void> {
    await this.assignments.insert(row);
  }

  async closeAssignment(id: string, validTo: string): Promise<void> {
    await this.assignments.update({ id }, { validTo });
  }

  /** The assignment history with unit codes and supervisor NIPs, oldest first. */
  history(employeeId: string): Promise<AssignmentHistoryRow[]> {
    return this.db().query(
      `SELECT to_char(a.valid_from,'YYYY-MM-DD') AS "validFrom", to_char(a.valid_to,'YYYY-MM-DD') AS "validTo", u.code AS "unitCode", a.golongan,
              s.nip AS "supervisorNip", a.position_title AS title, a.position_kind AS kind, a.jenjang, a.kelas_jabatan AS "kelasJabatan",
              a.is_unit_head AS "isUnitHead", to_char(a.tmt,'YYYY-MM-DD') AS tmt, a.reason
         FROM employee_assignments a JOIN units u ON u.id = a.unit_id LEFT JOIN employees s ON s.id = a.supervisor_id
        WHERE a.employee_id = $1 ORDER BY a.valid_from`,
      [employeeId],
    );
  }
}
