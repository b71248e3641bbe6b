import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { badRequest } from '../common/api-error';
import { ExportRow } from '../common/export/export-table';
import { Cursor } from '../common/pagination';
import { ALLOWANCE_WARNING_CODES, DEDUCTION_CODES } from '../rules';
import { monthWarningCounts } from './month-warnings.repository';
import { requireMonth } from './months';

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;
const CSV_BATCH = 2000;

/**
 * One payroll item as JSON text, concatenated by PostgreSQL from stored json (no per-row parse/serialise
 * in Node, no json re-scan).
 * Contract fields (00-api) plus totalDeductions, adjustments (corrections of closed months carried
 * by this line) and payableAmount = netAmount + Σ adjustments.
 */
const ITEM_SQL = (withCursor: boolean, withExplanation: boolean, warningParam: number | null) => `
  SELECT l.nip,
         '{"nip":"' || l.nip || '","name":' || to_json(e.name)::text || ',"kelasJabatan":' || l.kelas_jabatan
         || ',"ruleSet":' || to_json(l.rule_set)::text || ',"basicAmount":' || l.basic_amount || ',"performancePart":' || l.performance_part
         || ',"disciplinePart":' || l.discipline_part || ',"deductions":' || l.deductions::text || ',"totalDeductions":' || l.total_deductions
         || ',"netAmount":' || l.net_amount || ',"adjustments":' || COALESCE(adj.items::text, '[]')
         || ',"payableAmount":' || (l.net_amount + COALESCE(adj.total, 0))
         || ',"warnings":' || l.warnings::text || ',"pending":' || (l.held_amount > 0)::text || ',"heldAmount":' || l.held_amount ${withExplanation ? `|| ',"explanation":' || l.explanation::text` : ''}
         || ',"version":' || l.version || '}' AS item
    FROM (SELECT * FROM allowance_lines
           WHERE month = $1::char(7) AND status = 'COMPUTED' ${withCursor ? 'AND nip > $3::char(18)' : ''}
           ${warningParam === null ? '' : `AND EXISTS (SELECT 1 FROM json_array_elements(warnings) w WHERE w->>'code' = $${warningParam}::text)`}
           ORDER BY nip LIMIT $2) l
    JOIN employees e ON e.id = l.employee_id
    LEFT JOIN LATERAL (
      SELECT json_agg(json_build_object('forMonth', a.for_month, 'amount', a.amount, 'reason', a.reason) ORDER BY a.created_at) AS items,
             sum(a.amount)::bigint AS total
        FROM allowance_adjustments a WHERE a.month = l.month AND a.employee_id = l.employee_id) adj ON true
   ORDER BY l.nip`;

const CSV_SQL = (withCursor: boolean) => `
  SELECT l.nip, e.name, l.kelas_jabatan, l.rule_set, l.basic_amount::text, l.performance_part::text, l.discipline_part::text,
         l.deductions, l.total_deductions::text, l.net_amount::text, COALESCE(adj.total, 0)::text AS adjustments, l.version,
         (SELECT string_agg(DISTINCT w->>'code', ' ') FROM json_array_elements(l.warnings) w) AS warnings
    FROM (SELECT * FROM allowance_lines
           WHERE month = $1::char(7) AND status = 'COMPUTED' ${withCursor ? 'AND nip > $3::char(18)' : ''}
           ORDER BY nip LIMIT $2) l
    JOIN employees e ON e.id = l.employee_id
    LEFT JOIN LATERAL (SELECT sum(a.amount)::bigint AS total FROM allowance_adjustments a WHERE a.month = l.month AND a.employee_id = l.employee_id) adj ON true
   ORDER BY l.nip`;

/** Payroll pull: stable NIP order, keyset cursor, integer rupiah. */
@Injectable()
export class PayrollService {
  constructor(private readonly dataSource: DataSource) {}

  /** The page as a JSON string (the controller sends it as is). */
  async page(q: {
    month?: unknown;
    limit?: unknown;
    after?: unknown;
    explanation?: unknown;
    warning?: unknown;
  }): Promise<string> {
    const month = requireMonth(q.month);
    const warning = q.warning === undefined || q.warning === '' ? null : String(q.warning);
    if (warning !== null && !(ALLOWANCE_WARNING_CODES as readonly string[]).includes(warning)) {
      throw badRequest('Data tidak valid / invalid input', [
        { field: 'warning', problem: `must be one of ${ALLOWANCE_WARNING_CODES.join(', ')}` },
      ]);
    }
    if (q.explanation !== undefined && q.explanation !== 'true' && q.explanation !== 'false') {
      throw badRequest('Data tidak valid / invalid input', [
        { field: 'explanation', problem: 'must be true or false' },
      ]);
    }
    const withExplanation = q.explanation !== 'false';
    let limit = DEFAULT_LIMIT;
    if (q.limit !== undefined) {
      limit = Number(q.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT || !/^\d+$/.test(String(q.limit))) {
        throw badRequest('Data tidak valid / invalid input', [
          { field: 'limit', problem: `must be an integer 1..${MAX_LIMIT}` },
        ]);
      }
    }
    let after: string | null = null;
    if (q.after !== undefined && q.after !== '') {
      const key = Cursor.decode(String(q.after));
      if (!key || key.length !== 2 || key[0] !== month || typeof key[1] !== 'string' || !/^\d{18}$/.test(key[1])) {
        throw badRequest('Cursor tidak valid / invalid cursor', [
          { field: 'after', problem: 'is not a cursor returned for this month' },
        ]);
      }
      after = key[1];
    }
    const [status, rows] = await Promise.all([
      this.dataSource.query(`SELECT status FROM allowance_months WHERE month = $1`, [month]) as Promise<
        { status: string }[]
      >,
      this.dataSource.query(
        ITEM_SQL(after !== null, withExplanation, warning === null ? null : after === null ? 3 : 4),
        [month, limit + 1, ...(after === null ? [] : [after]), ...(warning === null ? [] : [warning])],
      ) as Promise<{ nip: string; item: string }[]>,
    ]);
    const more = rows.length > limit;
    const items = more ? rows.slice(0, limit) : rows;
    const nextCursor = more ? Cursor.encode([month, items[items.length - 1].nip]) : null;
    let extra = '';
    if (after === null) {
      // First page only: lines that were not computed (no rule set, bad input) — reported, never silently paid.
      const notComputed: { status: string; n: number }[] = await this.dataSource.query(
        `SELECT status, count(*)::int AS n FROM allowance_lines WHERE month = $1 AND status <> 'COMPUTED' GROUP BY status`,
        [month],
      );
      // …and how many lines of the month carry each warning code (run report, month close).
      const warned = await monthWarningCounts(this.dataSource.manager, month);
      extra = `,"notComputed":${JSON.stringify(Object.fromEntries(notComputed.map((r) => [r.status, r.n])))},"warnings":${JSON.stringify(warned)}`;
    }
    return `{"month":${JSON.stringify(month)},"status":${JSON.stringify(status[0]?.status ?? 'OPEN')},"items":[${items.map((r) => r.item).join(',')}],"nextCursor":${JSON.stringify(nextCursor)}${extra}}`;
  }

  /**
   * The lines of a month as export rows (PAYROLL_COLUMNS order), in keyset batches from one REPEATABLE
   * READ snapshot; ending the generator early (client gone) releases the connection.
   */
  exportRows(monthParam: unknown): AsyncGenerator<ExportRow[]> {
    const month = requireMonth(monthParam);
    const ds = this.dataSource;
    async function* generate(): AsyncGenerator<ExportRow[]> {
      const qr = ds.createQueryRunner();
      await qr.connect();
      try {
        await qr.startTransaction('REPEATABLE READ');
        let after: string | null = null;
        for (;;) {
          const rows: {
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
          }[] = await qr.query(
            CSV_SQL(after !== null),
            after === null ? [month, CSV_BATCH] : [month, CSV_BATCH, after],
          );
          if (rows.length === 0) break;
          yield rows.map((r) => {
            const byCode = new Map<string, number>();
            for (const d of r.deductions) byCode.set(d.code, (byCode.get(d.code) ?? 0) + d.amount);
            const payable = BigInt(r.net_amount) + BigInt(r.adjustments);
            return [
              r.nip,
              r.name,
              r.kelas_jabatan,
              r.rule_set,
              r.basic_amount,
              r.performance_part,
              r.discipline_part,
              ...DEDUCTION_CODES.map((c) => byCode.get(c) ?? 0),
              r.total_deductions,
              r.net_amount,
              r.adjustments,
              payable,
              r.version,
              r.warnings,
            ];
          });
          if (rows.length < CSV_BATCH) break;
          after = rows[rows.length - 1].nip;
        }
        await qr.commitTransaction();
      } finally {
        if (qr.isTransactionActive) await qr.rollbackTransaction().catch(() => undefined);
        await qr.release();
      }
    }
    return generate();
  }
}
