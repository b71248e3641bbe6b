import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../database/transaction';
import type { EmployeeEvent } from './org.enums';

/** `employee_events`: the §1.2 events (mutasi, promosi, pensiun …) recorded for the SKP feature. */
@Injectable()
export class EmployeeEventsRepository extends BaseRepository {
  /** The end of service (PENSIUN / BERHENTI / MENINGGAL), the first one when several; null while in service. */
  async serviceEnd(employeeId: string): Promise<{ type: string; date: string } | null> {
    const rows: { type: string; date: string }[] = await this.db().query(
      `SELECT type, to_char(event_date,'YYYY-MM-DD') AS date FROM employee_events
        WHERE employee_id = $1 AND type IN ('PENSIUN','BERHENTI','MENINGGAL') ORDER BY event_date LIMIT 1`,
      [employeeId],
    );
    return rows[0] ?? null;
  }

  /** True when the delegation exists and names the employee (as the one rated or as the acting official). */
  async delegationConcerns(delegationId: string, employeeId: string): Promise<boolean> {
    const rows: { id: string }[] = await this.db().query(
      `SELECT id FROM ppk_delegations WHERE id = $1 AND (ppk_id = $2 OR employee_id = $2)`,
      [delegationId, employeeId],
    );
    return rows.length > 0;
  }

  async insert(e: {
    employeeId: string;
    type: EmployeeEvent;
    date: string;
    inferred: boolean;
    delegationId: string | null;
    reason: string | null;
  }): Promise<string> {
    const [row]: { id: string }[] = await this.db().query(
      `INSERT INTO employee_events (employee_id, type, event_date, inferred, delegation_id, reason)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [e.employeeId, e.type, e.date, e.inferred, e.delegationId, e.reason],
    );
    return row.id;
  }
}
