import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../database/transaction';

/** `discipline_holidays`: the non-working days an ADMIN configures for discipline deadlines. */
@Injectable()
export class DisciplineHolidaysRepository extends BaseRepository {
  async between(from: string, to: string): Promise<string[]> {
    const rows: { day: string }[] = await this.db().query(
      `SELECT to_char(day,'YYYY-MM-DD') AS day FROM discipline_holidays WHERE day BETWEEN $1::date AND $2::date ORDER BY 1`,
      [from, to],
    );
    return rows.map((r) => r.day);
  }

  ofYear(year: number): Promise<{ date: string; name: string }[]> {
    return this.db().query(
      `SELECT to_char(day,'YYYY-MM-DD') AS date, name FROM discipline_holidays WHERE extract(year FROM day) = $1 ORDER BY day`,
      [year],
    );
  }

  /** Replaces the holidays of a year (inside the caller's transaction). */
  async replaceYear(year: number, holidays: { date: string; name: string }[]): Promise<void> {
    await this.db().query(`DELETE FROM discipline_holidays WHERE extract(year FROM day) = $1`, [year]);
    if (holidays.length)
      await this.db().query(
        `INSERT INTO discipline_holidays (day, name) SELECT r.date::date, r.name FROM jsonb_to_recordset($1::jsonb) AS r(date text, name text)`,
        [JSON.stringify(holidays)],
      );
  }
}
