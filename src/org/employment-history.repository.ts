import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../database/transaction';

/** One effective-dated assignment row as the employment history reader returns it (valid_to exclusive). */
export interface AssignmentPeriodRow {
  employeeId: string;
  validFrom: string;
  validTo: string | null;
  unitId: string;
  kelasJabatan: number;
  tmt: string;
}

/** A recorded employee event that bears on service dates (spec 04 §1.2). */
export interface ServiceEventRow {
  employeeId: string;
  type: string;
  date: string;
}

/** Events that start or end service or change the employment status (CPNS → PNS). */
export const SERVICE_EVENTS = ['CPNS_START', 'PNS_START', 'PENSIUN', 'BERHENTI', 'MENINGGAL'] as const;

/** A Plt held by the employee (a PLT delegation naming them as the acting official), valid_to inclusive. */
export interface ActingPeriodRow {
  employeeId: string;
  validFrom: string;
  validTo: string | null;
  kelasJabatan: number | null;
  level: 'SAME' | 'HIGHER' | null;
}

/** SQL of the employment history (employees, assignments, service events, Plt periods), in the caller's transaction. */
@Injectable()
export class EmploymentHistoryRepository extends BaseRepository {
  /** NIP and status (PNS / PPPK) of the employees. */
  employeeIdentities(employeeIds: string[]): Promise<{ employeeId: string; nip: string; status: string }[]> {
    return this.db().query(`SELECT id AS "employeeId", nip, status FROM employees WHERE id = ANY($1::uuid[])`, [
      employeeIds,
    ]);
  }

  /** Assignment rows of the employees overlapping [from, to] (inclusive dates), oldest first. */
  assignmentsOverlapping(employeeIds: string[], from: string, to: string): Promise<AssignmentPeriodRow[]> {
    return this.db().query(
      `SELECT employee_id AS "employeeId", to_char(valid_from,'YYYY-MM-DD') AS "validFrom",
              to_char(valid_to,'YYYY-MM-DD') AS "validTo", unit_id AS "unitId", kelas_jabatan AS "kelasJabatan",
              to_char(tmt,'YYYY-MM-DD') AS tmt
         FROM employee_assignments
        WHERE employee_id = ANY($1::uuid[]) AND valid_from <= $3::date AND (valid_to IS NULL OR valid_to > $2::date)
        ORDER BY employee_id, valid_from`,
      [employeeIds, from, to],
    );
  }

  /** Service events of the employees dated on or before `to` (all history: a CPNS status starts years back). */
  serviceEventsUntil(employeeIds: string[], to: string): Promise<ServiceEventRow[]> {
    return this.db().query(
      `SELECT employee_id AS "employeeId", type, to_char(event_date,'YYYY-MM-DD') AS date
         FROM employee_events
        WHERE employee_id = ANY($1::uuid[]) AND type = ANY($2::text[]) AND event_date <= $3::date
        ORDER BY employee_id, event_date, created_at`,
      [employeeIds, [...SERVICE_EVENTS], to],
    );
  }

  /**
   * Employees with an assignment overlapping [from, to] whose service has not ended before `from`
   * (a PENSIUN / BERHENTI on or before `from` ends service the day before; MENINGGAL on its date).
   * In NIP order: a monthly run chunks them in this order, so its lines land on disk in the order payroll
   * pages read them (docs/performance.md, "lines in NIP order").
   */
  async employeesInService(from: string, to: string): Promise<string[]> {
    const rows: { id: string }[] = await this.db().query(
      `SELECT e.id FROM employees e
        WHERE EXISTS (SELECT 1 FROM employee_assignments a
                       WHERE a.employee_id = e.id AND a.valid_from <= $2::date AND (a.valid_to IS NULL OR a.valid_to > $1::date))
          AND NOT EXISTS (SELECT 1 FROM employee_events ev WHERE ev.employee_id = e.id
                AND ((ev.type IN ('PENSIUN','BERHENTI') AND ev.event_date <= $1::date)
                  OR (ev.type = 'MENINGGAL' AND ev.event_date < $1::date)))
        ORDER BY e.nip`,
      [from, to],
    );
    return rows.map((r) => r.id);
  }

  /** Plt periods overlapping [from, to]: one row per distinct acting period (a Plt rates several reports). */
  actingPeriodsOverlapping(employeeIds: string[], from: string, to: string): Promise<ActingPeriodRow[]> {
    return this.db().query(
      `SELECT DISTINCT ppk_id AS "employeeId", to_char(valid_from,'YYYY-MM-DD') AS "validFrom",
              to_char(valid_to,'YYYY-MM-DD') AS "validTo", acting_kelas_jabatan AS "kelasJabatan", acting_level AS level
         FROM ppk_delegations
        WHERE kind = 'PLT' AND ppk_id = ANY($1::uuid[]) AND valid_from <= $3::date AND (valid_to IS NULL OR valid_to >= $2::date)
        ORDER BY 1, 2`,
      [employeeIds, from, to],
    );
  }
}
