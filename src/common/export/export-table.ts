import { InvalidInputError } from '../domain-errors';

/**
 * How a column's cells are written:
 * - `text`: free text from people (names, reasons) — neutralised against spreadsheet formulas in CSV.
 * - `code`: identifiers made of digits that must stay text (NIP, NIK, account numbers): leading zeros and
 *   all 18 digits kept; typed as text in XLSX.
 * - `rupiah`: integer rupiah, a number (negative amounts are numbers, never neutralised); `#,##0` in XLSX.
 * - `integer`: a plain whole number.
 * - `date`: `YYYY-MM-DD` text.
 * - `boolean`: `true` / `false`.
 */
export type ExportColumnKind = 'text' | 'code' | 'rupiah' | 'integer' | 'date' | 'boolean';

export interface ExportColumn {
  /** Machine header (CSV header row, stable for systems that read the file). */
  key: string;
  /** Header for people (XLSX header row), in Bahasa Indonesia. */
  label: string;
  kind: ExportColumnKind;
  /** XLSX column width in characters. */
  width?: number;
}

/** One data line: cells in column order. */
export type ExportRow = readonly unknown[];

export type CsvSeparator = ',' | ';';

export interface CsvOptions {
  separator: CsvSeparator;
  /** UTF-8 byte-order mark first, so spreadsheet programs read the file as UTF-8. */
  bom: boolean;
  /** How `code` cells are written: `text` → `="…"` so spreadsheet programs keep them as text; `plain` → the bare digits. */
  codes: 'text' | 'plain';
}

export const DEFAULT_CSV_OPTIONS: CsvOptions = { separator: ',', bom: true, codes: 'text' };

const SEPARATORS: Record<string, CsvSeparator> = { comma: ',', ',': ',', semicolon: ';', ';': ';' };

/**
 * CSV options from query parameters `sep` (comma | semicolon), `bom` (true | false) and `codes`
 * (text | plain); anything else → 400 naming the parameter.
 */
export function csvOptionsFromQuery(q: { sep?: unknown; bom?: unknown; codes?: unknown }): CsvOptions {
  const details: { field: string; problem: string }[] = [];
  const opts: CsvOptions = { ...DEFAULT_CSV_OPTIONS };
  if (q.sep !== undefined && q.sep !== '') {
    const s = typeof q.sep === 'string' ? SEPARATORS[q.sep] : undefined;
    if (s) opts.separator = s;
    else details.push({ field: 'sep', problem: 'must be comma or semicolon' });
  }
  if (q.bom !== undefined && q.bom !== '') {
    if (q.bom === 'true' || q.bom === 'false') opts.bom = q.bom === 'true';
    else details.push({ field: 'bom', problem: 'must be true or false' });
  }
  if (q.codes !== undefined && q.codes !== '') {
    if (q.codes === 'text' || q.codes === 'plain') opts.codes = q.codes;
    else details.push({ field: 'codes', problem: 'must be text or plain' });
  }
  if (details.length) throw new InvalidInputError('Data tidak valid / invalid input', details);
  return opts;
}

/** A cell as text: String() for scalars and dates; any other object as its JSON (never "[object Object]"). */
export function cellText(v: unknown): string {
  if (typeof v === 'object' && v !== null && !(v instanceof Date)) return JSON.stringify(v);
  return String(v);
}
