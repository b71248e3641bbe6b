import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../database/transaction';

export type MonthStatus = 'OPEN' | 'CLOSED';

/** `allowance_months` (OPEN until closed), with the month's line, warning and adjustment counts. */
@Injectable()
export class AllowanceMonthsRepository extends BaseRepository {
  /** Creates the month OPEN when it has no row yet. */
  async ensure(month: string): Promise<void> {
    await this.db().query(`INSERT INTO allowance_months (month) VALUES ($1) ON CONFLICT (month) DO NOTHING`, [month]);
  }

  /** The month's status, or null when it has no row. */
  async status(month: string): Promise<MonthStatus | null> {
    const rows: { status: MonthStatus }[] = await this.db().query(
      `SELECT status FROM allowance_months WHERE month = $1`,
      [month],
    );
    return rows.at(0)?.status ?? null;
  }

  /** The status under a share lock: a month close (FOR UPDATE) waits, and is waited for. */
  async statusForShare(month: string): Promise<MonthStatus | null> {
    const rows: { status: MonthStatus }[] = await this.db().query(
      `SELECT status FROM allowance_months WHERE month = $1 FOR SHARE`,
      [month],
    );
    return rows.at(0)?.status ?? null;
  }

  /** The status under an update lock (the month close). */
  async statusForUpdate(month: string): Promise<MonthStatus | null> {
    const rows: { status: MonthStatus }[] = await this.db().query(
      `SELECT status FROM allowance_months WHERE month = $1 FOR UPDATE`,
      [month],
    );
    return rows.at(0)?.status ?? null;
  }

  async closedAt(month: string): Promise<{ status: MonthStatus; closed_at: Date | null } | null> {
    const rows: { status: MonthStatus; closed_at: Date | null }[] = await this.db().query(
      `SELECT status, closed_at FROM allowance_months WHERE month = $1`,
      [month],
    );
    return rows.at(0) ?? null;
  }

  async close(month: string, actor: string): Promise<void> {
    await this.db().query(
      `UPDATE allowance_months SET status = 'CLOSED', closed_at = now(), closed_by = $2 WHERE month = $1`,
      [month, actor],
    );
  }

  /** Lines of the month per status. */
  lineCounts(month: string): Promise<{ status: string; n: number }[]> {
    return this.db().query(`SELECT status, count(*)::int AS n FROM allowance_lines WHERE month = $1 GROUP BY status`, [
      month,
    ]);
  }

  /** Adjustments the month carries. */
  async adjustmentCount(month: string): Promise<number> {
    const [row]: { n: number }[] = await this.db().query(
      `SELECT count(*)::int AS n FROM allowance_adjustments WHERE month = $1`,
      [month],
    );
    return row.n;
  }

  /** Lines of the month carrying each warning code (a line counts once per code). */
  async warningCounts(month: string): Promise<Record<string, number>> {
    const rows: { code: string; n: number }[] = await this.db().query(
      `SELECT w->>'code' AS code, count(DISTINCT l.id)::int AS n FROM allowance_lines l, json_array_elements(l.warnings) w
        WHERE l.month = $1 AND json_array_length(l.warnings) > 0 GROUP BY 1 ORDER BY 1`,
      [month],
    );
    return Object.fromEntries(rows.map((r) => [r.code, r.n]));
  }
}
