import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { BaseRepository } from '../database/transaction';

export interface EmployeeStanding {
  id: string;
  nip: string;
  status: 'PNS' | 'PPPK';
  /** Position kind of the assignment in force on the date; null when none. */
  positionKind: string | null;
}

/** `employees` and `employee_assignments` as the org directory publishes them to other features. */
@Injectable()
export class OrgDirectoryRepository extends BaseRepository {
  async idByNip(nip: string, manager?: EntityManager): Promise<string | null> {
    const rows: { id: string }[] = await this.db(manager).query(`SELECT id FROM employees WHERE nip = $1`, [nip]);
    return rows[0]?.id ?? null;
  }

  async nipsByIds(ids: string[], manager?: EntityManager): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; nip: string }[] = await this.db(manager).query(
      `SELECT id, nip FROM employees WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.nip]));
  }

  /** Every employee asked for (with or without an assignment on the date). */
  standings(ids: string[], onDate: string, manager?: EntityManager): Promise<EmployeeStanding[]> {
    return this.db(manager).query(
      `SELECT emp.id, emp.nip, emp.status, a.position_kind AS "positionKind"
         FROM employees emp
         LEFT JOIN employee_assignments a ON a.employee_id = emp.id AND a.valid_from <= $2::date AND (a.valid_to IS NULL OR a.valid_to > $2::date)
        WHERE emp.id = ANY($1::uuid[])`,
      [ids, onDate],
    );
  }

  /** Employees of a status (PNS / PPPK) with an open assignment (no end date): those in post. */
  async currentIdsByStatus(status: 'PNS' | 'PPPK', manager?: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await this.db(manager).query(
      `SELECT DISTINCT a.employee_id AS id FROM employee_assignments a JOIN employees e ON e.id = a.employee_id
        WHERE a.valid_to IS NULL AND e.status = $1`,
      [status],
    );
    return rows.map((r) => r.id);
  }

  /** Employees whose open assignment (no end date) is in one of the units. */
  async currentMemberIds(unitIds: string[], manager?: EntityManager): Promise<string[]> {
    if (unitIds.length === 0) return [];
    const rows: { id: string }[] = await this.db(manager).query(
      `SELECT DISTINCT employee_id AS id FROM employee_assignments WHERE valid_to IS NULL AND unit_id = ANY($1::uuid[])`,
      [unitIds],
    );
    return rows.map((r) => r.id);
  }

  /** One recorded employee event (mutasi, pensiun, Plt end …). */
  async event(
    id: string,
    manager?: EntityManager,
  ): Promise<{ employeeId: string; type: string; date: string; delegationId: string | null } | null> {
    const rows = await this.db(manager).query(
      `SELECT employee_id AS "employeeId", type, to_char(event_date,'YYYY-MM-DD') AS date, delegation_id AS "delegationId"
         FROM employee_events WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }
}
