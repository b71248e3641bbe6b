import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { ExportColumn } from '../../../src/common/export/export-table';
import { xlsxReadable } from '../../../src/common/export/xlsx-writer';

const COLS: ExportColumn[] = [
  { key: 'nip', label: 'NIP', kind: 'code' },
  { key: 'name', label: 'Nama', kind: 'text' },
  { key: 'netAmount', label: 'TPP Diterima (Rp)', kind: 'rupiah' },
  { key: 'decidedOn', label: 'Tanggal Keputusan', kind: 'date' },
  { key: 'escalated', label: 'Eskalasi', kind: 'boolean' },
];

async function readBack(stream: Readable) {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  return wb.worksheets[0];
}

describe('XLSX writer (ExcelJS streaming)', () => {
  it('header in Bahasa Indonesia, NIP as text, rupiah as numbers with #,##0, formulas never evaluated', async () => {
    const ws = await readBack(
      xlsxReadable(
        COLS,
        [
          [['198807192012071019', "=cmd|' /C calc'!A0", -150000, '2026-03-04', true]],
          [['001234567890123456', 'Sri', 5439503, null, false]],
        ],
        { sheetName: 'TPP 2026-03' },
      ),
    );
    expect(ws.name).toBe('TPP 2026-03');
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
      'NIP',
      'Nama',
      'TPP Diterima (Rp)',
      'Tanggal Keputusan',
      'Eskalasi',
    ]);
    const r2 = ws.getRow(2);
    expect(r2.getCell(1).value).toBe('198807192012071019');
    expect(r2.getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(r2.getCell(1).numFmt).toBe('@');
    expect(r2.getCell(2).value).toBe("=cmd|' /C calc'!A0");
    expect(r2.getCell(2).type).toBe(ExcelJS.ValueType.String);
    expect(r2.getCell(3).value).toBe(-150000);
    expect(r2.getCell(3).numFmt).toBe('#,##0');
    expect(r2.getCell(4).value).toEqual(new Date('2026-03-04T00:00:00Z'));
    expect(r2.getCell(5).value).toBe('Ya');
    expect(ws.getRow(3).getCell(1).value).toBe('001234567890123456');
    expect(ws.getRow(3).getCell(4).value).toBeNull();
    expect(ws.rowCount).toBe(3);
  });

  it('pulls row batches only as the reader consumes (backpressure: constant memory)', async () => {
    let pulled = 0;
    async function* batches() {
      for (let b = 0; b < 500; b++) {
        pulled++;
        yield Array.from({ length: 1000 }, (_, i) => [
          String(198000000000000000n + BigInt(b * 1000 + i)),
          `Pegawai dengan nama yang cukup panjang ${b}-${i}`,
          i * 1000,
          '2026-03-31',
          true,
        ]);
      }
    }
    const s = xlsxReadable(COLS, batches(), { sheetName: 'TPP' });
    await new Promise((r) => setTimeout(r, 1500));
    // Nobody reads: the writer stops after the response buffer fills, far before the 500 batches.
    expect(pulled).toBeLessThan(60);
    s.destroy();
  });

  it('streams 100,000 lines; a spreadsheet reader gets every line with its NIP as text', async () => {
    const N = 100_000;
    const BATCH = 2000;
    async function* batches() {
      for (let b = 0; b < N / BATCH; b++) {
        yield Array.from({ length: BATCH }, (_, i) => {
          const n = b * BATCH + i;
          return [String(198000000000000000n + BigInt(n)), `Pegawai ${n}`, n * 1000, '2026-03-31', n % 2 === 0];
        });
      }
    }
    const chunks: Buffer[] = [];
    for await (const c of xlsxReadable(COLS, batches(), { sheetName: 'TPP' })) chunks.push(Buffer.from(c));
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(chunks), {
      sharedStrings: 'cache',
      worksheets: 'emit',
      styles: 'cache',
    });
    let rows = 0;
    let last: unknown;
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        rows++;
        last = row.getCell(1).value;
      }
    }
    expect(rows).toBe(N + 1);
    expect(last).toBe(String(198000000000000000n + BigInt(N - 1)));
  }, 120000);
});
