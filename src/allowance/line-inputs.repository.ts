import { EntityManager } from 'typeorm';

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

/** Attendance of the month for a chunk of employees, one query. */
export function attendanceOf(m: EntityManager, employeeIds: string[], month: string): Promise<AttendanceRow[]> {
  return m.query(
    `SELECT employee_id, late_minutes, early_leave_minutes, absent_days, missed_apel, leave, fwa_days, revision
       FROM attendance_months WHERE employee_id = ANY($1::uuid[]) AND month = $2`,
    [employeeIds, month],
  );
}
