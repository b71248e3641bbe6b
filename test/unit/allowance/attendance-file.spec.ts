import { Workbook } from 'exceljs';
import { attendanceRecordsFromRows, csvRows } from '../../../src/allowance/attendance-file';
import { readSheetRows } from '../../../src/common/spreadsheet';

describe('attendance files (CSV / .xlsx) → records', () => {
  it('reads minutes lists, "-" as no check-in, numbers; keeps bad cells for the validator to name', () => {
    const rows = csvRows(
      'nip;lateMinutes;earlyLeaveMinutes;absentDays;missedApel\n198703152010011002;"12, 45";-;0;1\n198703152010011003;10 x;;dua;\n',
    );
    expect(attendanceRecordsFromRows(rows)).toEqual({
      records: [
        { nip: '198703152010011002', lateMinutes: [12, 45], earlyLeaveMinutes: [null], absentDays: 0, missedApel: 1 },
        { nip: '198703152010011003', lateMinutes: [10, 'x'], earlyLeaveMinutes: [], absentDays: 'dua' },
      ],
      rowNumbers: [1, 2],
    });
  });

  it('reads leave as TYPE:days[:childOrder] items ("-" = kind not recorded) and fwaDays; keeps a bad token', () => {
    const rows = csvRows(
      'nip,absentDays,leave,fwaDays\n198703152010011002,2,CUTI_SAKIT:2 CUTI_MELAHIRKAN:3:2|-:1,1\n198703152010011003,0,cuti,\n',
    );
    expect(attendanceRecordsFromRows(rows).records).toEqual([
      {
        nip: '198703152010011002',
        absentDays: 2,
        leave: [
          { type: 'CUTI_SAKIT', days: 2 },
          { type: 'CUTI_MELAHIRKAN', days: 3, childOrder: 2 },
          { type: null, days: 1 },
        ],
        fwaDays: 1,
      },
      { nip: '198703152010011003', absentDays: 0, leave: ['cuti'] },
    ]);
  });

  it('refuses unknown columns and a missing nip column with row 0 errors', () => {
    expect(() => attendanceRecordsFromRows([['NIP', 'telat']])).toThrow(
      expect.objectContaining({
        status: 400,
        extra: expect.objectContaining({ errors: [expect.objectContaining({ row: 0, field: 'telat' })] }),
      }),
    );
    expect(() => attendanceRecordsFromRows([['absentDays']])).toThrow(
      expect.objectContaining({
        extra: expect.objectContaining({
          errors: [expect.objectContaining({ field: 'nip', problem: 'required column missing' })],
        }),
      }),
    );
  });

  it('.xlsx: cells as text; an 18-digit NIP stored as a number comes back in exponent form (never as other digits)', async () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet('Presensi');
    ws.addRow(['nip', 'absentDays']);
    ws.addRow(['198703152010011002', 2]);
    ws.addRow([198703152010011002, null]);
    ws.addRow([]);
    ws.addRow([{ richText: [{ text: '1987031520' }, { text: '10011004' }] }, 0]);
    const rows = await readSheetRows(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(rows).toEqual([
      ['nip', 'absentDays'],
      ['198703152010011002', '2'],
      ['1.98703152010011e+17', ''],
      ['198703152010011004', '0'],
    ]);
  });

  it('.xlsx: a file that is not a workbook is a 400, not a crash', async () => {
    await expect(readSheetRows(Buffer.from('nip,absentDays\n'))).rejects.toThrow(
      expect.objectContaining({ status: 400 }),
    );
  });
});
