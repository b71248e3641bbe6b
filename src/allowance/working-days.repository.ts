import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../database/transaction';

export interface HolidayRow {
  date: string;
  name: string;
}

/** `allowance_working_days` (agency overrides per month) and `allowance_holidays`. */
@Injectable()
export class WorkingDaysRepository extends BaseRepository {
  /** The configured number of working days of a month, or null. */
  async configured(month: string): Promise<number | null> {
    const rows: { days: number }[] = await this.db().query(`SELECT days FROM allowance_working_days WHERE month = $1`, [
      month,
    ]);
    return rows.at(0)?.days ?? null;
  }

  /** Holidays between two dates (inclusive) that fall on a weekday, by date. */
  weekdayHolidays(from: string, to: string): Promise<HolidayRow[]> {
    return this.db().query(
      `SELECT to_char(day,'YYYY-MM-DD') AS date, name FROM allowance_holidays WHERE day BETWEEN $1::date AND $2::date AND extract(isodow FROM day) < 6 ORDER BY day`,
      [from, to],
    );
  }

  async setConfigured(month: string, days: number | null): Promise<void> {
    if (days === null) await this.db().query(`DELETE FROM allowance_working_days WHERE month = $1`, [month]);
    else
      await this.db().query(
        `INSERT INTO allowance_working_days (month, days) VALUES ($1, $2) ON CONFLICT (month) DO UPDATE SET days = EXCLUDED.days, updated_at = now()`,
        [month, days],
      );
  }

  /** Holidays between two dates (inclusive), by date. */
  holidays(from: string, to: string): Promise<HolidayRow[]> {
    return this.db().query(
      `SELECT to_char(day,'YYYY-MM-DD') AS date, name FROM allowance_holidays WHERE day BETWEEN $1::date AND $2::date ORDER BY day`,
      [from, to],
    );
  }

  async holidayName(date: string): Promise<{ name: string } | null> {
    const rows: { name: string }[] = await this.db().query(`SELECT name FROM allowance_holidays WHERE day = $1`, [
      date,
    ]);
    return rows.at(0) ?? null;
  }

  async putHoliday(date: string, name: string): Promise<void> {
    await this.db().query(
      `INSERT INTO allowance_holidays (day, name) VALUES ($1, $2) ON CONFLICT (day) DO UPDATE SET name = EXCLUDED.name`,
      [date, name],
    );
  }

  /** Deletes a holiday; the deleted row, or null when there was none. */
  async deleteHoliday(date: string): Promise<{ name: string } | null> {
    const [rows]: [{ name: string }[], number] = await this.db().query(
      `DELETE FROM allowance_holidays WHERE day = $1 RETURNING name`,
      [date],
    );
    return rows[0] ?? null;
  }
}
