import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { InvalidInputError } from '../common/domain-errors';
import { ExportRow } from '../common/export/export-table';
import { Cursor } from '../common/pagination';
import { ALLOWANCE_WARNING_CODES, DEDUCTION_CODES } from '../rules';
import { AllowanceMonthsRepository } from './allowance-months.repository';
import { requireMonth } from './months';
import { PayrollLinesRepository } from './payroll-lines.repository';
import { PayrollPageBody } from './payroll-page-body';

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

const isOneOf = <T extends string>(v: unknown, options: readonly T[]): v is T =>
  typeof v === 'string' && options.some((o) => o === v);

const isDigits = (v: unknown): boolean => typeof v === 'string' && /^\d+$/.test(v);

/** Months whose first-page totals are kept (a payroll pull reads one or two months at a time). */
const TOTALS_KEPT = 12;

/** Payroll pull: stable NIP order, keyset cursor, integer rupiah. */
@Injectable()
export class PayrollService {
  /**
   * The first page's month totals (notComputed, warnings) as JSON, per month, with the lines stamp they
   * were read under. Both are aggregates over every line of the month (a full read of the lines: at
   * 100,000 lines about a second of PostgreSQL CPU, and the whole table through the buffer cache), and
   * they only change when a run writes lines, so they are read again only when the stamp moves.
   */
  private readonly totals = new Map<string, { stamp: string; json: Promise<string> }>();

  constructor(
    private readonly lines: PayrollLinesRepository,
    private readonly months: AllowanceMonthsRepository,
  ) {}

  /**
   * The page as a stream of JSON bytes (the controller sends it as is): the items come from
   * PostgreSQL as JSON text and are passed through as they arrive.
   */
  async page(q: {
    month?: unknown;
    limit?: unknown;
    after?: unknown;
    explanation?: unknown;
    warning?: unknown;
  }): Promise<Readable> {
    const month = requireMonth(q.month);
    const warning = q.warning === undefined || q.warning === '' ? null : q.warning;
    if (warning !== null && !isOneOf(warning, ALLOWANCE_WARNING_CODES)) {
      throw new InvalidInputError('Data tidak valid / invalid input', [
        { field: 'warning', problem: `must be one of ${ALLOWANCE_WARNING_CODES.join(', ')}` },
      ]);
    }
    if (q.explanation !== undefined && q.explanation !== 'true' && q.explanation !== 'false') {
      throw new InvalidInputError('Data tidak valid / invalid input', [
        { field: 'explanation', problem: 'must be true or false' },
      ]);
    }
    const withExplanation = q.explanation !== 'false';
    let limit = DEFAULT_LIMIT;
    if (q.limit !== undefined) {
      limit = Number(q.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT || !isDigits(q.limit)) {
        throw new InvalidInputError('Data tidak valid / invalid input', [
          { field: 'limit', problem: `must be an integer 1..${MAX_LIMIT}` },
        ]);
      }
    }
    let after: string | null = null;
    if (q.after !== undefined && q.after !== '') {
      // A query value is a string (a repeated key would be an array: never a cursor).
      const key = typeof q.after === 'string' ? Cursor.decode(q.after) : null;
      if (!key || key.length !== 2 || key[0] !== month || typeof key[1] !== 'string' || !/^\d{18}$/.test(key[1])) {
        throw new InvalidInputError('Cursor tidak valid / invalid cursor', [
          { field: 'after', problem: 'is not a cursor returned for this month' },
        ]);
      }
      after = key[1];
    }
    // First page only: lines that were not computed (no rule set, bad input) — reported, never silently
    // paid — and how many lines of the month carry each warning code (run report, month close). Read
    // before the page's connection is taken, so a request never holds one connection while it waits for another.
    const extra = after === null ? await this.monthTotals(month) : '';
    const rows = await this.lines.pageRows({ month, limit, after, withExplanation, warning });
    const body = new PayrollPageBody({
      head: `{"month":${JSON.stringify(month)},"status":${JSON.stringify(rows.monthStatus ?? 'OPEN')},"items":[`,
      limit,
      tail: (lastNip) =>
        `],"nextCursor":${JSON.stringify(lastNip === null ? null : Cursor.encode([month, lastNip]))}${extra}}`,
    });
    rows.stream.once('error', (err) => {
      body.destroy(err);
    });
    body.once('close', () => {
      rows.abandon();
    });
    return rows.stream.pipe(body);
  }

  /** `,"notComputed":{…},"warnings":{…}` of the month, read again only when its lines stamp has moved. */
  private async monthTotals(month: string): Promise<string> {
    // The stamp is read first, so the totals read after it are at least as new as the stamp they are kept under.
    const stamp = await this.lines.linesStamp(month);
    const kept = this.totals.get(month);
    if (kept?.stamp === stamp) return kept.json;
    const json = Promise.all([this.lines.notComputed(month), this.months.warningCounts(month)]).then(
      ([notComputed, warned]) => `,"notComputed":${JSON.stringify(notComputed)},"warnings":${JSON.stringify(warned)}`,
    );
    if (!kept && this.totals.size >= TOTALS_KEPT) this.totals.clear();
    this.totals.set(month, { stamp, json });
    // A failed read is not kept: the next first page reads again.
    json.catch(() => {
      if (this.totals.get(month)?.json === json) this.totals.delete(month);
    });
    return json;
  }

  /**
   * The lines of a month as export rows (PAYROLL_COLUMNS order), in keyset batches from one REPEATABLE
   * READ snapshot; ending the generator early (client gone) releases the connection.
   */
  exportRows(monthParam: unknown): AsyncGenerator<ExportRow[]> {
    const month = requireMonth(monthParam);
    const lines = this.lines.exportLines(month);
    async function* generate(): AsyncGenerator<ExportRow[]> {
      for await (const batch of lines)
        yield batch.map((r) => {
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
    }
    return generate();
  }
}
