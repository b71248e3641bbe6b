import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { escapeLiteral, type PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { DataSource } from 'typeorm';

export interface PayrollPageQuery {
  month: string;
  /** Rows wanted; limit + 1 are read so the caller knows whether there is a next page. */
  limit: number;
  /** NIP of the previous page's last line (18 digits), or null for the first page. */
  after: string | null;
  withExplanation: boolean;
  /** Only the lines carrying this warning code (an ALLOWANCE_WARNING_CODES value), or null. */
  warning: string | null;
}

/** The month's status and a binary COPY of (nip, item) tuples; `abandon` when it will not be read to its end. */
export interface PayrollPageRows {
  /** `allowance_months.status` (null: the month has no row yet). */
  monthStatus: string | null;
  stream: Readable;
  abandon(): void;
}

/** One payroll export line (PAYROLL_COLUMNS source), amounts as text. */
export interface PayrollExportLine {
  nip: string;
  name: string;
  kelas_jabatan: number;
  rule_set: string;
  basic_amount: string;
  performance_part: string;
  discipline_part: string;
  deductions: { code: string; amount: number }[];
  total_deductions: string;
  net_amount: string;
  adjustments: string;
  version: number;
  warnings: string | null;
}

const EXPORT_BATCH = 2000;

/**
 * One payroll item as JSON text, built by PostgreSQL in one `concat` from the stored json (the
 * explanation is kept inline, uncompressed: migration 1768080000000). Contract fields (00-api) plus
 * totalDeductions, adjustments (corrections of closed months carried by this line) and
 * payableAmount = netAmount + Σ adjustments. Driven by the (month, nip) index in NIP order; the
 * employee's name and the adjustments are index lookups per line (no sort, no hash of the roster).
 * Booleans are cast to text (`concat` would print t/f).
 */
function pageSql(q: PayrollPageQuery): string {
  if (!Number.isInteger(q.limit) || q.limit < 1) throw new Error('payroll page: bad limit');
  if (q.after !== null && !/^\d{18}$/.test(q.after)) throw new Error('payroll page: bad cursor');
  return `
  SELECT l.nip,
         concat('{"nip":"', l.nip, '","name":', (SELECT to_json(e.name) FROM employees e WHERE e.id = l.employee_id),
           ',"kelasJabatan":', l.kelas_jabatan, ',"ruleSet":', to_json(l.rule_set), ',"basicAmount":', l.basic_amount,
           ',"performancePart":', l.performance_part, ',"disciplinePart":', l.discipline_part, ',"deductions":', l.deductions,
           ',"totalDeductions":', l.total_deductions, ',"netAmount":', l.net_amount,
           COALESCE(
             (SELECT CASE WHEN count(*) > 0 THEN concat(
                       ',"adjustments":', json_agg(json_build_object('forMonth', a.for_month, 'amount', a.amount, 'reason', a.reason) ORDER BY a.created_at),
                       ',"payableAmount":', l.net_amount + sum(a.amount)::bigint) END
                FROM allowance_adjustments a WHERE a.month = l.month AND a.employee_id = l.employee_id),
             concat(',"adjustments":[],"payableAmount":', l.net_amount)),
           ',"warnings":', l.warnings, ',"pending":', (l.held_amount > 0)::text, ',"heldAmount":', l.held_amount,
           ${q.withExplanation ? `',"explanation":', l.explanation,` : ''} ',"version":', l.version, '}') AS item
    FROM allowance_lines l
   WHERE l.month = ${escapeLiteral(q.month)}::char(7) AND l.status = 'COMPUTED'
         ${q.after === null ? '' : `AND l.nip > ${escapeLiteral(q.after)}::char(18)`}
         ${q.warning === null ? '' : `AND EXISTS (SELECT 1 FROM json_array_elements(l.warnings) w WHERE w->>'code' = ${escapeLiteral(q.warning)})`}
   ORDER BY l.nip
   LIMIT ${q.limit + 1}`;
}

const EXPORT_SQL = (withCursor: boolean) => `
  SELECT l.nip, e.name, l.kelas_jabatan, l.rule_set, l.basic_amount::text, l.performance_part::text, l.discipline_part::text,
         l.deductions, l.total_deductions::text, l.net_amount::text, COALESCE(adj.total, 0)::text AS adjustments, l.version,
         (SELECT string_agg(DISTINCT w->>'code', ' ') FROM json_array_elements(l.warnings) w) AS warnings
    FROM (SELECT * FROM allowance_lines
           WHERE month = $1::char(7) AND status = 'COMPUTED' ${withCursor ? 'AND nip > $3::char(18)' : ''}
           ORDER BY nip LIMIT $2) l
    JOIN employees e ON e.id = l.employee_id
    LEFT JOIN LATERAL (SELECT sum(a.amount)::bigint AS total FROM allowance_adjustments a WHERE a.month = l.month AND a.employee_id = l.employee_id) adj ON true
   ORDER BY l.nip`;

/** The payroll reads of allowance lines: the page pull (streamed) and the export (keyset batches). */
@Injectable()
export class PayrollLinesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * A stamp of the month's runs that changes with every committed write to its lines: lines are written
   * only by a run chunk, in the transaction that also counts the chunk into its run (`chunks_done`).
   * Run ids are part of it, so a month recreated from scratch never matches an earlier stamp.
   */
  async linesStamp(month: string): Promise<string> {
    const rows: { stamp: string | null }[] = await this.dataSource.query(
      `SELECT md5(string_agg(id::text || ':' || chunks_done, ',' ORDER BY id)) AS stamp FROM allowance_runs WHERE month = $1`,
      [month],
    );
    return rows[0]?.stamp ?? '';
  }

  /** Lines of the month that were not computed (no rule set, bad input), by status. */
  async notComputed(month: string): Promise<Record<string, number>> {
    const rows: { status: string; n: number }[] = await this.dataSource.query(
      `SELECT status, count(*)::int AS n FROM allowance_lines WHERE month = $1 AND status <> 'COMPUTED' GROUP BY status`,
      [month],
    );
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  }

  /**
   * The page's items as a binary COPY (`COPY (…) TO STDOUT (FORMAT binary)`: each item's UTF-8 bytes
   * as PostgreSQL wrote them, nothing decoded). The connection is held while the stream is read and
   * returned when it ends or fails; a stream that will not be read to its end must be abandoned
   * (read and discarded: a COPY cannot be cut short on a pooled connection). COPY takes no bind
   * parameters: the values are checked above and quoted with escapeLiteral.
   * The month's status is read first on the same connection: a page holds one pooled connection, never
   * one while waiting for a second (under a pull of more pages than the pool has connections, pages that
   * held their COPY while queued for the status read made requests time out: docs/performance.md).
   */
  async pageRows(q: PayrollPageQuery): Promise<PayrollPageRows> {
    const sql = pageSql(q);
    const runner = this.dataSource.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      void runner.release().catch(() => undefined);
    };
    let monthStatus: string | null;
    try {
      const status = await client.query<{ status: string }>(`SELECT status FROM allowance_months WHERE month = $1`, [
        q.month,
      ]);
      monthStatus = status.rows[0]?.status ?? null;
    } catch (err) {
      release();
      throw err;
    }
    const stream = client.query(copyTo(`COPY (${sql}) TO STDOUT (FORMAT binary)`));
    stream.once('end', release);
    stream.once('error', release);
    return {
      monthStatus,
      stream,
      abandon: () => {
        if (released || stream.readableEnded) return;
        stream.unpipe();
        stream.resume();
      },
    };
  }

  /**
   * The lines of a month for the export, in keyset batches of 2,000 from one REPEATABLE READ
   * snapshot; ending the generator early (client gone) releases the connection.
   */
  async *exportLines(month: string): AsyncGenerator<PayrollExportLine[]> {
    const qr = this.dataSource.createQueryRunner();
    await qr.connect();
    try {
      await qr.startTransaction('REPEATABLE READ');
      let after: string | null = null;
      for (;;) {
        const rows: PayrollExportLine[] = await this.dataSource.query(
          EXPORT_SQL(after !== null),
          after === null ? [month, EXPORT_BATCH] : [month, EXPORT_BATCH, after],
          qr,
        );
        if (rows.length === 0) break;
        yield rows;
        if (rows.length < EXPORT_BATCH) break;
        after = rows[rows.length - 1].nip;
      }
      await qr.commitTransaction();
    } finally {
      if (qr.isTransactionActive) await qr.rollbackTransaction().catch(() => undefined);
      await qr.release();
    }
  }
}
