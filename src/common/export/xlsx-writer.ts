import { PassThrough, Readable, Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { cellText, ExportColumn, ExportColumnKind, ExportRow } from './export-table';

/**
 * Number formats are stored locale-neutral (OOXML): `#,##0` is shown as `5.439.503` by a spreadsheet
 * with Indonesian regional settings (the officer's `#.##0`); `@` is the text format.
 */
const NUM_FMT: Partial<Record<ExportColumnKind, string>> = {
  rupiah: '#,##0',
  integer: '0',
  code: '@',
  date: 'dd/mm/yyyy',
};
const WIDTH: Record<ExportColumnKind, number> = { text: 30, code: 21, rupiah: 14, integer: 8, date: 12, boolean: 8 };

function xlsxCell(kind: ExportColumnKind, v: unknown): unknown {
  if (v === null || v === undefined || v === '') return null;
  switch (kind) {
    case 'rupiah':
    case 'integer': {
      // Exact below 2^53 rupiah (9 quadrillion): far above any payroll figure.
      const n =
        typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : /^-?\d+$/.test(cellText(v)) ? Number(v) : NaN;
      return Number.isFinite(n) ? n : cellText(v);
    }
    case 'date': {
      const s = cellText(v);
      return /^\d{4}-\d{2}-\d{2}$/.test(s) ? new Date(`${s}T00:00:00Z`) : s;
    }
    case 'boolean':
      return v === true || v === 'true' ? 'Ya' : v === false || v === 'false' ? 'Tidak' : cellText(v);
    default:
      // Text and codes are string cells (never formulas): nothing in them is evaluated.
      return cellText(v);
  }
}

/**
 * ExcelJS's StreamBuf hands every chunk on without waiting (its `write` always returns true), so the
 * zip entry that reads the worksheet buffers whatever the response has not taken yet. That entry
 * (a PassThrough archiver pipes from the worksheet stream; ExcelJS 4.4 is pinned) does report when it
 * is over its high-water mark: waiting for it to drain between batches is the backpressure.
 */
function sheetEntry(ws: ExcelJS.Worksheet): Writable | undefined {
  const pipes = (ws as unknown as { _stream?: { pipes?: Writable[] } })._stream?.pipes;
  return pipes?.[0];
}

/** archiver's entry is a readable-stream 2 PassThrough: no `writableNeedDrain`, the state says it. */
function needsDrain(w: Writable): boolean {
  const stream = w as unknown as { writableNeedDrain?: boolean; _writableState?: { needDrain?: boolean } };
  return stream.writableNeedDrain ?? stream._writableState?.needDrain ?? false;
}

async function drained(entry: Writable | undefined, out: PassThrough): Promise<void> {
  // Let zlib and the pipes run (rows are produced in microtasks otherwise), then wait while a buffer is full.
  await new Promise((r) => setImmediate(r));
  for (const w of [entry, out]) {
    if (w && needsDrain(w) && !out.destroyed) {
      await new Promise<void>((resolve) => {
        const done = () => {
          w.off('drain', done);
          out.off('close', done);
          resolve();
        };
        w.once('drain', done);
        out.once('close', done);
      });
    }
  }
}

export interface XlsxSheet {
  /** Worksheet name (≤ 31 characters). */
  sheetName: string;
}

/**
 * Streaming XLSX (ExcelJS WorkbookWriter, inline strings, rows committed as written): one worksheet,
 * header row of Bahasa Indonesia labels (bold, frozen), NIP columns typed text, rupiah `#,##0`.
 * Waits for the response to drain between batches, so memory stays constant for 100,000 lines.
 */
export function xlsxReadable(
  columns: readonly ExportColumn[],
  batches: AsyncIterable<ExportRow[]> | Iterable<ExportRow[]>,
  sheet: XlsxSheet,
): Readable {
  const out = new PassThrough();
  const iterator = Symbol.asyncIterator in batches ? batches[Symbol.asyncIterator]() : batches[Symbol.iterator]();
  const write = async () => {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    const ws = wb.addWorksheet(sheet.sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = columns.map((c) => ({
      header: c.label,
      key: c.key,
      width: c.width ?? Math.max(WIDTH[c.kind], c.label.length + 2),
      style: NUM_FMT[c.kind] ? { numFmt: NUM_FMT[c.kind] } : {},
    }));
    const header = ws.getRow(1);
    header.font = { bold: true };
    header.alignment = { vertical: 'middle', wrapText: true };
    header.commit();
    while (!out.destroyed) {
      const next = await iterator.next();
      if (next.done) break;
      for (const r of next.value) ws.addRow(columns.map((c, i) => xlsxCell(c.kind, r[i]))).commit();
      await drained(sheetEntry(ws), out);
    }
    if (out.destroyed) return;
    ws.commit();
    await wb.commit();
  };
  write()
    .catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))))
    .finally(() => {
      // Client gone or failure: end the row source (releases its database resources).
      if (out.destroyed) void iterator.return?.();
    });
  return out;
}
