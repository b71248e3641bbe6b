import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { badRequest, notFound } from '../common/api-error';
import { firstDay, isDate, lastDay, requireMonth, weekdaysOf } from './months';

export interface WorkingDays {
  month: string;
  workingDays: number;
  source: 'CONFIGURED' | 'COMPUTED';
  /** Configured holidays that fall on a weekday of the month. */
  holidays: { date: string; name: string }[];
  formula: string;
}

/**
 * Working days (hari kerja) per month: an agency override when configured, else Monday–Friday
 * minus the configured holidays that fall on a weekday.
 */
@Injectable()
export class WorkingDaysService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(month: string, manager: EntityManager = this.dataSource.manager): Promise<WorkingDays> {
    const [configured]: { days: number }[] = await manager.query(
      `SELECT days FROM allowance_working_days WHERE month = $1`,
      [month],
    );
    const holidays: { date: string; name: string }[] = await manager.query(
      `SELECT to_char(day,'YYYY-MM-DD') AS date, name FROM allowance_holidays WHERE day BETWEEN $1::date AND $2::date AND extract(isodow FROM day) < 6 ORDER BY day`,
      [firstDay(month), lastDay(month)],
    );
    const weekdays = weekdaysOf(month).length;
    if (configured) {
      return {
        month,
        workingDays: configured.days,
        source: 'CONFIGURED',
        holidays,
        formula: `ditetapkan instansi / configured: ${configured.days} hari kerja`,
      };
    }
    const days = Math.max(1, weekdays - holidays.length);
    return {
      month,
      workingDays: days,
      source: 'COMPUTED',
      holidays,
      formula: `${weekdays} hari Senin–Jumat − ${holidays.length} hari libur = ${days} hari kerja`,
    };
  }

  async set(month: string, body: unknown): Promise<WorkingDays> {
    requireMonth(month);
    const days = (body as { workingDays?: unknown } | null)?.workingDays;
    if (days !== null && !(Number.isInteger(days) && (days as number) >= 1 && (days as number) <= 23)) {
      throw badRequest('Data tidak valid / invalid input', [
        { field: 'workingDays', problem: 'must be an integer 1..23, or null to use the weekday count minus holidays' },
      ]);
    }
    return this.dataSource.transaction(async (m) => {
      const before = await this.get(month, m);
      if (days === null) await m.query(`DELETE FROM allowance_working_days WHERE month = $1`, [month]);
      else
        await m.query(
          `INSERT INTO allowance_working_days (month, days) VALUES ($1, $2) ON CONFLICT (month) DO UPDATE SET days = EXCLUDED.days, updated_at = now()`,
          [month, days],
        );
      const after = await this.get(month, m);
      await this.audit.record(m, {
        action: 'allowance.working-days.set',
        entityType: 'allowance_month',
        entityId: month,
        before,
        after,
      });
      return after;
    });
  }

  async listHolidays(year: string): Promise<{ items: { date: string; name: string }[] }> {
    if (!/^\d{4}$/.test(year))
      throw badRequest('Tahun tidak valid / invalid year', [{ field: 'year', problem: 'must be YYYY' }]);
    const items = await this.dataSource.query(
      `SELECT to_char(day,'YYYY-MM-DD') AS date, name FROM allowance_holidays WHERE day BETWEEN $1::date AND $2::date ORDER BY day`,
      [`${year}-01-01`, `${year}-12-31`],
    );
    return { items };
  }

  async putHoliday(date: string, body: unknown): Promise<{ date: string; name: string }> {
    if (!isDate(date))
      throw badRequest('Tanggal tidak valid / invalid date', [{ field: 'date', problem: 'must be a date YYYY-MM-DD' }]);
    const name = (body as { name?: unknown } | null)?.name;
    if (typeof name !== 'string' || name.trim() === '' || name.length > 200)
      throw badRequest('Data tidak valid / invalid input', [
        { field: 'name', problem: 'must be a non-empty string (≤ 200)' },
      ]);
    return this.dataSource.transaction(async (m) => {
      const before = await m.query(`SELECT name FROM allowance_holidays WHERE day = $1`, [date]);
      await m.query(
        `INSERT INTO allowance_holidays (day, name) VALUES ($1, $2) ON CONFLICT (day) DO UPDATE SET name = EXCLUDED.name`,
        [date, name.trim()],
      );
      await this.audit.record(m, {
        action: 'allowance.holiday.set',
        entityType: 'allowance_holiday',
        entityId: date,
        before: before[0] ?? null,
        after: { name: name.trim() },
      });
      return { date, name: name.trim() };
    });
  }

  async deleteHoliday(date: string): Promise<void> {
    if (!isDate(date))
      throw badRequest('Tanggal tidak valid / invalid date', [{ field: 'date', problem: 'must be a date YYYY-MM-DD' }]);
    await this.dataSource.transaction(async (m) => {
      const [rows]: [{ name: string }[], number] = await m.query(
        `DELETE FROM allowance_holidays WHERE day = $1 RETURNING name`,
        [date],
      );
      if (rows.length === 0) throw notFound('Hari libur / holiday');
      await this.audit.record(m, {
        action: 'allowance.holiday.deleted',
        entityType: 'allowance_holiday',
        entityId: date,
        before: rows[0],
        after: null,
      });
    });
  }
}
