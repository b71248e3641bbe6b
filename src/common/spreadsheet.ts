import { Workbook, type CellValue } from 'exceljs';
import { InvalidInputError } from './domain-errors';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The first worksheet of an .xlsx file as rows of cell texts (like a CSV read), empty rows skipped.
 * Numbers too large to be exact (an 18-digit NIP typed as a number) come back in exponent form, so
 * the NIP check rejects them instead of accepting silently changed digits.
 */
export async function readSheetRows(file: Buffer): Promise<string[][]> {
  const wb = new Workbook();
  try {
    await wb.xlsx.load(file as unknown as ArrayBuffer);
  } catch (err) {
    throw new InvalidInputError('Berkas Excel tidak dapat dibaca / unreadable .xlsx file', [
      { field: 'body', problem: `not an .xlsx workbook (${(err as Error).message})` },
    ]);
  }
  const sheet = wb.worksheets.at(0);
  if (!sheet)
    throw new InvalidInputError('Berkas Excel tanpa lembar kerja / workbook has no sheet', [
      { field: 'body', problem: 'has no worksheet' },
    ]);
  const rows: string[][] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
    while (cells.length && cells[cells.length - 1] === '') cells.pop();
    if (cells.length) rows.push(cells);
  });
  // Rows shorter than the header (trailing empty cells) are padded, as a CSV writer would.
  const header = rows[0]?.length ?? 0;
  return rows.map((r) => (r.length < header ? [...r, ...Array<string>(header - r.length).fill('')] : r));
}

function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return Number.isInteger(v) && !Number.isSafeInteger(v) ? v.toExponential() : String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v)
      return v.richText
        .map((t) => t.text)
        .join('')
        .trim();
    if ('text' in v && typeof v.text === 'string') return v.text.trim();
    if ('result' in v) return cellText(v.result ?? null);
    if ('error' in v) return v.error;
  }
  // A formula without a cached result has no text.
  return '';
}
