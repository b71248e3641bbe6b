import type { FastifyReply } from 'fastify';
import { csvReadable } from './csv-writer';
import { csvOptionsFromQuery, ExportColumn, ExportRow } from './export-table';
import { xlsxReadable } from './xlsx-writer';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ExportFile {
  /** File name without extension (ASCII), e.g. `tpp-2026-03`. */
  baseName: string;
  columns: readonly ExportColumn[];
  rows: AsyncIterable<ExportRow[]> | Iterable<ExportRow[]>;
  /** XLSX worksheet name. */
  sheetName: string;
}

/** Query parameters of every CSV export (documented once, validated by csvOptionsFromQuery). */
export const CSV_QUERY_DOC = [
  {
    name: 'sep',
    required: false,
    enum: ['comma', 'semicolon'],
    description: 'field separator (default comma; semicolon for spreadsheets with Indonesian settings)',
  },
  { name: 'bom', required: false, enum: ['true', 'false'], description: 'UTF-8 byte-order mark first (default true)' },
  {
    name: 'codes',
    required: false,
    enum: ['text', 'plain'],
    description:
      'NIP and other digit codes as ="…" so spreadsheets keep them as text (default text), or bare digits (plain)',
  },
] as const;

/**
 * Sends an export as CSV (options from the query: sep, bom, codes) — validated before anything is
 * written, so a bad parameter is a 400 — or as XLSX. Personal data: never cached.
 */
export function sendExport(
  reply: FastifyReply,
  format: 'csv' | 'xlsx',
  file: ExportFile,
  query: Record<string, unknown> = {},
) {
  reply.header('cache-control', 'no-store');
  if (format === 'xlsx') {
    return reply
      .header('content-type', XLSX_CONTENT_TYPE)
      .header('content-disposition', `attachment; filename="${file.baseName}.xlsx"`)
      .send(xlsxReadable(file.columns, file.rows, { sheetName: file.sheetName }));
  }
  const opts = csvOptionsFromQuery(query);
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${file.baseName}.csv"`)
    .send(csvReadable(file.columns, file.rows, opts));
}
