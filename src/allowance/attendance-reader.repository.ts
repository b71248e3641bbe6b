import { Injectable, Module } from '@nestjs/common';
import { BaseRepository } from '../database/transaction';

/** One employee's attendance in a calendar year, summed over the months ingested so far. */
export interface AttendanceYearTotal {
  employee_id: string;
  year: number;
  /** Unexcused absent days. */
  days: number;
  /** Late arrival plus early leave minutes. */
  minutes: number;
  /** The latest month ingested (YYYY-MM). */
  last_month: string;
  /** When the latest of the employee's attendance rows of the year changed. */
  last_seen: Date;
}

/**
 * The allowance feature's attendance and national holidays as it publishes them to other features
 * (discipline: the PP 94 attendance ladder and the working-day calendar of deadlines).
 */
@Injectable()
export class AttendanceReader extends BaseRepository {
  /** False when the allowance tables are not installed (the reads below then have nothing to give). */
  async installed(): Promise<boolean> {
    const [{ present }]: { present: boolean }[] = await this.db().query(
      `SELECT to_regclass('attendance_months') IS NOT NULL AS present`,
    );
    return present;
  }

  /**
   * Yearly totals of the employees whose attendance changed after `since` (minus 15 minutes, so rows
   * committed late are not missed), for the years that changed.
   */
  yearTotalsChangedSince(since: Date | string): Promise<AttendanceYearTotal[]> {
    return this.db().query(
      `WITH changed AS (
         SELECT employee_id, left(month, 4)::int AS year, max(updated_at) AS last_seen FROM attendance_months
          WHERE updated_at > $1::timestamptz - interval '15 minutes' GROUP BY 1, 2)
       SELECT a.employee_id, ch.year, sum(a.absent_days)::int AS days,
              sum((SELECT coalesce(sum(x), 0) FROM unnest(a.late_minutes) x) + (SELECT coalesce(sum(x), 0) FROM unnest(a.early_leave_minutes) x))::int AS minutes,
              max(a.month) AS last_month, ch.last_seen
         FROM attendance_months a JOIN changed ch ON ch.employee_id = a.employee_id AND left(a.month, 4)::int = ch.year
        GROUP BY a.employee_id, ch.year, ch.last_seen`,
      [since],
    );
  }

  /** National holidays (YYYY-MM-DD) between two dates, inclusive; empty when the list is not installed. */
  async holidays(from: string, to: string): Promise<string[]> {
    const [{ shared }]: { shared: boolean }[] = await this.db().query(
      `SELECT to_regclass('allowance_holidays') IS NOT NULL AS shared`,
    );
    if (!shared) return [];
    const rows: { day: string }[] = await this.db().query(
      `SELECT to_char(day,'YYYY-MM-DD') AS day FROM allowance_holidays WHERE day BETWEEN $1::date AND $2::date ORDER BY 1`,
      [from, to],
    );
    return rows.map((r) => r.day);
  }
}

/** What other features import to read attendance and holidays (no controllers, no jobs). */
@Module({ providers: [AttendanceReader], exports: [AttendanceReader] })
export class AttendanceReadModule {}
