import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../database/transaction';
import type { LeaveEntry } from './attendance-leave';

/** A stored month of attendance as the allowance run reads it. */
export interface AttendanceRow {
  employee_id: string;
  late_minutes: (number | null)[];
  early_leave_minutes: (number | null)[];
  absent_days: number;
  missed_apel: number;
  /** Leave by kind (type null = kind not recorded), 04 §5.2. */
  leave: { type: string | null; days: number; childOrder?: number }[];
  fwa_days: number;
  revision: number;
}

/** A stored record before a resend replaces it (for the audit). */
export interface StoredAttendance {
  employee_id: string;
  late: (number | null)[];
  early: (number | null)[];
  absent: number;
  apel: number;
  leave: LeaveEntry[];
  fwa: number;
}

/** One record to write (employee ids resolved from NIPs by the org directory). */
export interface AttendanceWrite {
  employee_id: string;
  late: (number | null)[];
  early: (number | null)[];
  absent: number;
  apel: number;
  leave: LeaveEntry[];
  fwa: number;
}

/** `attendance_months`: one row per employee and month, revised by each changed resend. */
@Injectable()
export class AttendanceRepository extends BaseRepository {
  /** Attendance of the month for a chunk of employees, one query. */
  ofMonth(employeeIds: string[], month: string): Promise<AttendanceRow[]> {
    return this.db().query(
      `SELECT employee_id, late_minutes, early_leave_minutes, absent_days, missed_apel, leave, fwa_days, revision
         FROM attendance_months WHERE employee_id = ANY($1::uuid[]) AND month = $2`,
      [employeeIds, month],
    );
  }

  /** The stored records of these employees for the month, locked until the transaction ends. */
  lockStored(month: string, employeeIds: string[]): Promise<StoredAttendance[]> {
    return this.db().query(
      `SELECT a.employee_id, a.late_minutes AS late, a.early_leave_minutes AS early, a.absent_days AS absent, a.missed_apel AS apel,
              a.leave, a.fwa_days AS fwa
         FROM attendance_months a
        WHERE a.month = $1 AND a.employee_id = ANY($2::uuid[]) FOR UPDATE OF a`,
      [month, employeeIds],
    );
  }

  /**
   * Upserts the records in one statement; a record equal to the stored one is left alone (no new revision).
   * Returns the rows written: inserted, or replaced.
   */
  upsert(
    month: string,
    records: AttendanceWrite[],
    actor: string,
  ): Promise<{ employee_id: string; inserted: boolean }[]> {
    return this.db().query(
      `INSERT INTO attendance_months AS t (employee_id, month, late_minutes, early_leave_minutes, absent_days, missed_apel, leave, fwa_days, updated_by)
       SELECT r.employee_id, $1, r.late, r.early, r.absent, r.apel, r.leave, r.fwa, $3
         FROM jsonb_to_recordset($2::jsonb) AS r(employee_id uuid, late int[], early int[], absent int, apel int, leave jsonb, fwa int)
       ON CONFLICT (employee_id, month) DO UPDATE SET
         late_minutes = EXCLUDED.late_minutes, early_leave_minutes = EXCLUDED.early_leave_minutes,
         absent_days = EXCLUDED.absent_days, missed_apel = EXCLUDED.missed_apel,
         leave = EXCLUDED.leave, fwa_days = EXCLUDED.fwa_days,
         revision = t.revision + 1, updated_by = EXCLUDED.updated_by, updated_at = now()
       WHERE (t.late_minutes, t.early_leave_minutes, t.absent_days, t.missed_apel, t.leave, t.fwa_days)
             IS DISTINCT FROM (EXCLUDED.late_minutes, EXCLUDED.early_leave_minutes, EXCLUDED.absent_days, EXCLUDED.missed_apel,
                               EXCLUDED.leave, EXCLUDED.fwa_days)
       RETURNING t.employee_id, (xmax = 0) AS inserted`,
      [month, JSON.stringify(records), actor],
    );
  }
}
