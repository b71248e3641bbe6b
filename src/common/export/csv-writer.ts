import { Readable, pipeline } from 'node:stream';
import { stringify, type CastingContext, type Options } from 'csv-stringify';
import { stringify as stringifySync } from 'csv-stringify/sync';
import { cellText, CsvOptions, DEFAULT_CSV_OPTIONS, ExportColumn, ExportRow } from './export-table';

/**
 * The one CSV writer of every export (csv-stringify):
 * - RFC 4180 quoting (fields with the separator, a quote or a line break are quoted, quotes doubled), CRLF lines;
 * - OWASP CSV-injection rule: a text cell starting with `=`, `+`, `-`, `@`, tab or carriage return (and
 *   their full-width forms) is prefixed with `'` (csv-stringify `escape_formulas`). Numeric columns
 *   (rupiah, integer) are written as numbers, so `-150000` stays a negative amount; a value in a numeric
 *   column that is not a number is written as neutralised text;
 * - `code` columns (NIP …) holding only digits become `="198807192012071019"` when `codes` is `text`,
 *   the form Excel and LibreOffice open as text (an 18-digit number would become 1.98807E+17). This is
 *   the only formula the writer emits, and it contains digits only.
 */
export function csvStringifyOptions(columns: readonly ExportColumn[], opts: CsvOptions = DEFAULT_CSV_OPTIONS): Options {
  return {
    delimiter: opts.separator,
    bom: opts.bom,
    record_delimiter: 'windows',
    // RFC 4180: any CR or LF inside a field is quoted (csv-stringify only quotes the record delimiter itself when one is set).
    quote_record_delimiter: true,
    escape_formulas: true,
    header: true,
    columns: columns.map((c, i) => ({ key: String(i), header: c.key })),
    cast: {
      boolean: (v) => (v ? 'true' : 'false'),
      string: (v: string, ctx: CastingContext) => {
        if (
          opts.codes === 'text' &&
          !ctx.header &&
          typeof ctx.index === 'number' &&
          columns[ctx.index]?.kind === 'code' &&
          /^\d+$/.test(v)
        ) {
          return { value: `="${v}"`, escape_formulas: false, quoted: false } as unknown as string;
        }
        return v;
      },
    },
  };
}

/** A cell as csv-stringify should see it: numbers for numeric columns (bigint keeps big amounts exact). */
export function csvCell(kind: ExportColumn['kind'], v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (kind === 'rupiah' || kind === 'integer') {
    if (typeof v === 'number' || typeof v === 'bigint') return v;
    if (typeof v === 'string' && /^-?\d+$/.test(v)) return BigInt(v);
    return cellText(v);
  }
  if (kind === 'boolean') return typeof v === 'boolean' ? v : cellText(v);
  return typeof v === 'string' ? v : cellText(v);
}

function toRecord(columns: readonly ExportColumn[], row: ExportRow): Record<string, unknown> {
  const rec: Record<string, unknown> = {};
  for (let i = 0; i < columns.length; i++) rec[i] = csvCell(columns[i].kind, row[i]);
  return rec;
}

/** Whole CSV text (small exports). */
export function toCsv(
  columns: readonly ExportColumn[],
  rows: Iterable<ExportRow>,
  opts: CsvOptions = DEFAULT_CSV_OPTIONS,
): string {
  const records = [];
  for (const r of rows) records.push(toRecord(columns, r));
  return stringifySync(records, csvStringifyOptions(columns, opts));
}

/**
 * Streaming CSV from batches of rows (an async generator reading keyset pages): backpressure flows from
 * the HTTP response to the generator, so memory stays constant; destroying the result (client gone)
 * ends the generator (its `finally` releases database resources).
 */
export function csvReadable(
  columns: readonly ExportColumn[],
  batches: AsyncIterable<ExportRow[]> | Iterable<ExportRow[]>,
  opts: CsvOptions = DEFAULT_CSV_OPTIONS,
): Readable {
  async function* records() {
    for await (const batch of batches) for (const r of batch) yield toRecord(columns, r);
  }
  const out = stringify(csvStringifyOptions(columns, opts));
  pipeline(Readable.from(records()), out, (err) => {
    if (err && !out.destroyed) out.destroy(err);
  });
  return out;
}
