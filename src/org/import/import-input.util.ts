import { parse } from 'csv-parse/sync';
import { InvalidInputError } from '../../common/domain-errors';
import {
  CSV_COLUMNS,
  ImportError,
  ImportFormat,
  ImportRow,
  RawRow,
  rawFromJson,
  validateRow,
} from './import-rows.util';

export const IMPORT_MAX_ROWS = 10_000;

export interface ParsedImport {
  format: ImportFormat;
  rows: ImportRow[];
  errors: ImportError[];
  total: number;
  /** every NIP written in the file, valid rows or not (a supervisor may be on a row with another problem) */
  nipsInFile: Set<string>;
  /** the NIP written on each data row (for the error report), whatever else is wrong with the row */
  nipByRow: Map<number, string>;
}

/**
 * Turns the request body (a JSON array, CSV text with a header line, or the rows of an .xlsx sheet) into validated rows.
 * Row numbers are 1-based positions of the data records (the CSV header is row 0).
 */
export function readImportBody(body: unknown): ParsedImport {
  if (typeof body === 'string') return fromCsv(body);
  if (isSheet(body)) return fromRecords(body.sheetRows);
  if (Array.isArray(body)) return fromJson(body);
  throw new InvalidInputError('Body harus array JSON atau text/csv / body must be a JSON array or text/csv', [
    { field: 'body', problem: 'must be a JSON array of employees or a CSV file' },
  ]);
}

function checkSize(n: number): void {
  if (n === 0)
    throw new InvalidInputError('Tidak ada baris / no rows to import', [
      { field: 'body', problem: 'contains no rows' },
    ]);
  if (n > IMPORT_MAX_ROWS) {
    throw new InvalidInputError(
      `Paling banyak ${IMPORT_MAX_ROWS} baris per impor / at most ${IMPORT_MAX_ROWS} rows per call`,
      [{ field: 'body', problem: `has ${n} rows; split the file` }],
    );
  }
}

function fromJson(items: unknown[]): ParsedImport {
  checkSize(items.length);
  const errors: ImportError[] = [];
  const rows: ImportRow[] = [];
  const nips = new Set<string>();
  const nipByRow = new Map<number, string>();
  items.forEach((item, i) => {
    const raw = rawFromJson(item, i + 1, errors);
    if (!raw) return;
    if (typeof raw.nip === 'string') {
      nips.add(raw.nip.trim());
      nipByRow.set(i + 1, raw.nip.trim());
    }
    const r = validateRow(raw, i + 1, 'json', errors);
    if (r) rows.push(r);
  });
  return { format: 'json', rows, errors, total: items.length, nipsInFile: nips, nipByRow };
}

function fromCsv(text: string): ParsedImport {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      delimiter: [',', ';'],
    });
  } catch (err) {
    const e = err as { message: string; lines?: number };
    throw new InvalidInputError('CSV tidak dapat dibaca / malformed CSV', [{ field: 'body', problem: e.message }]);
  }
  return fromRecords(records);
}

/** Rows of an .xlsx sheet, already read as cell texts (the header first), like a parsed CSV. */
export interface SheetBody {
  sheetRows: string[][];
}

function isSheet(body: unknown): body is SheetBody {
  return typeof body === 'object' && body !== null && Array.isArray((body as SheetBody).sheetRows);
}

function fromRecords(records: string[][]): ParsedImport {
  if (records.length === 0) checkSize(0);
  const [header, ...data] = records;
  checkSize(data.length);
  const errors: ImportError[] = [];
  // A column the import does not know has no key (reported below).
  const keys = header.map((col): keyof RawRow | undefined => CSV_COLUMNS[col]);
  header.forEach((col, i) => {
    if (!keys[i])
      errors.push({
        row: 0,
        field: col,
        problem: `unknown column; expected some of ${Object.keys(CSV_COLUMNS).join(', ')}`,
      });
  });
  for (const required of [
    'nip',
    'name',
    'status',
    'golongan',
    'unitCode',
    'positionTitle',
    'positionKind',
    'kelasJabatan',
    'tmt',
  ]) {
    if (!header.includes(required)) errors.push({ row: 0, field: required, problem: 'required column missing' });
  }
  if (errors.length)
    return { format: 'csv', rows: [], errors, total: data.length, nipsInFile: new Set(), nipByRow: new Map() };
  const rows: ImportRow[] = [];
  const nips = new Set<string>();
  const nipByRow = new Map<number, string>();
  data.forEach((rec, i) => {
    if (rec.length !== header.length) {
      errors.push({ row: i + 1, field: 'row', problem: `has ${rec.length} columns, the header has ${header.length}` });
      return;
    }
    const raw: RawRow = {};
    keys.forEach((k, j) => {
      if (k) raw[k] = rec[j];
    });
    if (typeof raw.nip === 'string') {
      nips.add(raw.nip);
      nipByRow.set(i + 1, raw.nip);
    }
    const r = validateRow(raw, i + 1, 'csv', errors);
    if (r) rows.push(r);
  });
  return { format: 'csv', rows, errors, total: data.length, nipsInFile: nips, nipByRow };
}
