import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { createUnit, uniqueNip } from '../support/org-skp-fixtures';
import { createTestApp, TestApp } from '../support/test-app';

const HEADER =
  'nip,name,status,golongan,unitCode,positionTitle,positionKind,jenjang,kelasJabatan,tmt,mkgYears,mkgMonths,mkgAsOf';

describe('Import error report: the problems of an employee file as CSV and XLSX, nothing written', () => {
  let t: TestApp;
  let admin: string;
  let unit: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.adminToken();
    unit = await createUnit(t);
  });
  afterAll(async () => {
    await t.close();
  });

  const count = async (nips: string[]) =>
    Number(
      (await t.dataSource.query(`SELECT count(*) AS n FROM employees WHERE nip = ANY($1::char(18)[])`, [nips]))[0].n,
    );

  it('lists every problem with its row and the NIP as text; a clean file gives only the header', async () => {
    const [good, badUnit, badMkg] = [uniqueNip(), uniqueNip(), uniqueNip()];
    const line = (nip: string, unitCode: string, months: string) =>
      `${nip},Pegawai ${nip.slice(-4)},PNS,III/a,${unitCode},Pengadministrasi Umum,PELAKSANA,,5,2025-01-01,3,${months},2025-01-01`;
    const csvBody = [HEADER, line(good, unit, '2'), line(badUnit, 'TIDAK-ADA', '2'), line(badMkg, unit, '12')].join(
      '\n',
    );

    const csv = await t.request('POST', '/api/v1/employees/import/errors.csv?sep=semicolon', {
      token: admin,
      raw: csvBody,
      contentType: 'text/csv',
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain('impor-pegawai-masalah.csv');
    const bytes = Buffer.from(
      await (
        await fetch(`${t.url}/api/v1/employees/import/errors.csv?sep=semicolon`, {
          method: 'POST',
          headers: { authorization: `Bearer ${admin}`, 'content-type': 'text/csv' },
          body: csvBody,
        })
      ).arrayBuffer(),
    );
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes, { bom: true, delimiter: ';' }) as string[][];
    expect(rows[0]).toEqual(['row', 'nip', 'field', 'problem']);
    expect(rows.slice(1).map((r) => r.slice(0, 3))).toEqual([
      ['2', `="${badUnit}"`, 'unitCode'],
      ['3', `="${badMkg}"`, 'mkgMonths'],
    ]);
    expect(await count([good, badUnit, badMkg])).toBe(0);

    const res = await fetch(`${t.url}/api/v1/employees/import/errors.xlsx`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'text/csv' },
      body: csvBody,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.worksheets[0];
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['Baris', 'NIP', 'Kolom', 'Masalah']);
    expect(ws.rowCount).toBe(3);
    const nip = ws.getRow(2).getCell(2);
    expect([nip.value, nip.type, nip.numFmt]).toEqual([badUnit, ExcelJS.ValueType.String, '@']);
    expect(ws.getRow(3).getCell(1).value).toBe(3);
    expect(String(ws.getRow(3).getCell(4).value)).toContain('0–11');

    const clean = await t.request('POST', '/api/v1/employees/import/errors.csv?codes=plain&bom=false', {
      token: admin,
      raw: [HEADER, line(good, unit, '2')].join('\n'),
      contentType: 'text/csv',
    });
    expect(clean.text.trim()).toBe('row,nip,field,problem');
    expect(await count([good])).toBe(0);
    expect(
      (
        await t.request('POST', '/api/v1/employees/import/errors.csv?sep=tab', {
          token: admin,
          raw: csvBody,
          contentType: 'text/csv',
        })
      ).status,
    ).toBe(400);
  });
});
