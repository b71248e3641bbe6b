import { allPayrollItems, API } from '../support/allowance-fixtures';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { createPayrollApp, GOLDEN, goldenPayrollMonth } from '../support/payroll-scenario';
import type { TestApp } from '../support/test-app';
import { PayrollLinesRepository } from '../../src/allowance/payroll-lines.repository';

/**
 * The payroll pull of a computed golden month (the figures are checked in allowance-payroll):
 * streamed pages, CSV in its bare and spreadsheet forms, XLSX, formula-like names, and what a
 * payroll:read key may do.
 */
describe('payroll pull: CSV, XLSX and access (e2e)', () => {
  let t: TestApp;
  let admin: string;
  let payrollKey: string;
  let attendanceKey: string;
  // A month and rule set of this file's own (files share the run's database).
  const MONTH = '2029-03';
  const RULE_SET = 'R-GOLDEN-PULL';
  let nips: Record<string, string>;

  beforeAll(async () => {
    const p = await createPayrollApp();
    ({ t, admin, payrollKey, attendanceKey } = p);
    ({ nips } = await goldenPayrollMonth(p, { month: MONTH, ruleSet: RULE_SET, lateRuleSet: 'R-LATE-PULL' }));
  }, 120000);

  afterAll(async () => {
    await t?.close();
  });

  it('a streamed page returns its connection when it is read to the end, abandoned, or the client goes away', async () => {
    const lines = t.app.get(PayrollLinesRepository);
    // More abandoned pages than the pool has connections (20): each is drained and released, or the
    // pulls below would wait for a connection forever.
    for (let i = 0; i < 25; i++) {
      const rows = await lines.pageRows({
        month: MONTH,
        limit: 1000,
        after: null,
        withExplanation: true,
        warning: null,
      });
      rows.abandon();
      await new Promise<void>((resolve) => rows.stream.once('end', resolve));
    }
    // Clients that hang up before reading: the page still ends and the next pull is served.
    await Promise.all(
      Array.from({ length: 25 }, async () => {
        const ac = new AbortController();
        const res = await fetch(`${t.url}${API}/payroll/allowances?month=${MONTH}&limit=1000`, {
          headers: { 'x-api-key': payrollKey },
          signal: ac.signal,
        });
        ac.abort();
        await res.text().catch(() => undefined);
      }),
    );
    const full = await t.request('GET', `${API}/payroll/allowances?month=${MONTH}&limit=1000`, { apiKey: payrollKey });
    expect(full.status).toBe(200);
    expect(full.body.items.length).toBeGreaterThan(0);
  }, 60000);

  it('CSV: header row, one line per employee in NIP order, integer rupiah (bare form for payroll systems)', async () => {
    const r = await t.request('GET', `${API}/payroll/allowances.csv?month=${MONTH}&bom=false&codes=plain`, {
      apiKey: payrollKey,
    });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/csv');
    expect(r.headers.get('cache-control')).toBe('no-store');
    const lines = r.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'nip,name,kelasJabatan,ruleSet,basicAmount,performancePart,disciplinePart,deductionPREDIKAT,deductionTL,deductionPSW,deductionAPEL,deductionTK,deductionCUTI,deductionHUKDIS,deductionSTATUS,deductionPREDIKAT_HELD,deductionPEMBULATAN,totalDeductions,netAmount,adjustments,payableAmount,version,warnings',
    );
    const s16 = lines.find((l) => l.startsWith(nips.s16))!;
    expect(s16).toBe(
      `${nips.s16},"Pegawai, ${nips.s16.slice(-4)}",8,${RULE_SET}@1,5000000,3000000,2000000,0,60000,0,0,90909,0,0,0,0,0,150909,4849091,0,4849091,1,`,
    );
    const held = lines.find((l) => l.startsWith(nips['tpp-011']))!;
    expect(held).toBe(
      `${nips['tpp-011']},"Pegawai, ${nips['tpp-011'].slice(-4)}",8,${RULE_SET}@1,5000000,3000000,2000000,0,0,0,0,0,0,0,0,3000000,0,3000000,2000000,0,2000000,1,PREDIKAT_MISSING`,
    );
    const json = await allPayrollItems(t, MONTH, { token: admin });
    expect(lines.slice(1).map((l) => l.slice(0, 18))).toEqual(json.map((i) => i.nip));
  });

  it('CSV for spreadsheets by default: UTF-8 BOM, separator by ?sep=, NIP kept as text, formula-like names neutralised; bad options → 400', async () => {
    const res = await fetch(`${t.url}${API}/payroll/allowances.csv?month=${MONTH}&sep=semicolon`, {
      headers: { 'x-api-key': payrollKey },
    });
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes, { bom: true, delimiter: ';' }) as string[][];
    expect(rows[0][0]).toBe('nip');
    const s16 = rows.find((c) => c[0] === `="${nips.s16}"`)!;
    expect(s16.slice(1, 5)).toEqual([`Pegawai, ${nips.s16.slice(-4)}`, '8', `${RULE_SET}@1`, '5000000']);
    expect(rows).toHaveLength(1 + (await allPayrollItems(t, MONTH, { token: admin })).length);
    for (const q of ['sep=tab', 'bom=yes', 'codes=excel']) {
      const bad = await t.request('GET', `${API}/payroll/allowances.csv?month=${MONTH}&${q}`, { apiKey: payrollKey });
      expect([q, bad.status, bad.body.details?.[0]?.field]).toEqual([q, 400, q.split('=')[0]]);
    }
  });

  it('formula-like names come out neutralised in CSV (OWASP) and as plain text cells in XLSX', async () => {
    const payloads = ["=cmd|' /C calc'!A0", '-2+3+cmd|x', '@SUM(A1)', '\tTab', '\rCR'];
    const targets = GOLDEN.slice(0, payloads.length).map((g) => nips[g]);
    const saved: { nip: string; name: string }[] = await t.dataSource.query(
      `SELECT nip, name FROM employees WHERE nip = ANY($1)`,
      [targets],
    );
    try {
      for (let i = 0; i < payloads.length; i++)
        await t.dataSource.query(`UPDATE employees SET name = $2 WHERE nip = $1`, [targets[i], payloads[i]]);
      const csv = await t.request('GET', `${API}/payroll/allowances.csv?month=${MONTH}&codes=plain`, {
        apiKey: payrollKey,
      });
      const rows = parse(csv.text, { bom: true }) as string[][];
      const names = targets.map((nip) => rows.find((r) => r[0] === nip)![1]);
      expect(names).toEqual(payloads.map((p) => `'${p}`));
      const res = await fetch(`${t.url}${API}/payroll/allowances.xlsx?month=${MONTH}`, {
        headers: { 'x-api-key': payrollKey },
      });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await res.arrayBuffer());
      const ws = wb.worksheets[0];
      const byNip = new Map<unknown, ExcelJS.Cell>();
      ws.eachRow((row) => byNip.set(row.getCell(1).value, row.getCell(2)));
      // Text as text (never a formula); XML reads a bare CR as a line feed (end-of-line normalisation).
      expect(targets.map((nip) => byNip.get(nip)!.value)).toEqual(payloads.map((p) => p.replace('\r', '\n')));
      expect(targets.every((nip) => byNip.get(nip)!.type === ExcelJS.ValueType.String)).toBe(true);
    } finally {
      for (const r of saved) await t.dataSource.query(`UPDATE employees SET name = $2 WHERE nip = $1`, [r.nip, r.name]);
    }
  });

  it('XLSX beside the CSV: header in Bahasa Indonesia, NIP as text, rupiah as numbers with #,##0, the same lines', async () => {
    const res = await fetch(`${t.url}${API}/payroll/allowances.xlsx?month=${MONTH}`, {
      headers: { 'x-api-key': payrollKey },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toContain(`tpp-${MONTH}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.worksheets[0];
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 5)).toEqual(['NIP', 'Nama', 'Kelas Jabatan', 'Aturan TPP', 'TPP Dasar (Rp)']);
    expect(header).toContain('TPP Diterima (Rp)');
    const json = await allPayrollItems(t, MONTH, { token: admin });
    expect(ws.rowCount).toBe(json.length + 1);
    const nipCells = Array.from({ length: json.length }, (_, i) => ws.getRow(i + 2).getCell(1));
    expect(nipCells.map((c) => c.value)).toEqual(json.map((i) => i.nip));
    expect(nipCells.every((c) => c.type === ExcelJS.ValueType.String && c.numFmt === '@')).toBe(true);
    const row = ws.getRow(2 + json.findIndex((i) => i.nip === nips.s16));
    const net = row.getCell(header.indexOf('TPP Diterima (Rp)') + 1);
    expect(net.value).toBe(4849091);
    expect(net.numFmt).toBe('#,##0');
    expect(
      (await t.request('GET', `${API}/payroll/allowances.xlsx?month=2026-13`, { apiKey: payrollKey })).status,
    ).toBe(400);
    expect((await t.request('GET', `${API}/payroll/allowances.xlsx?month=${MONTH}`)).status).toBe(401);
  });

  it('payroll:read keys read lines and nothing else; no credentials → 401', async () => {
    expect((await t.request('GET', `${API}/payroll/allowances?month=${MONTH}`)).status).toBe(401);
    expect((await t.request('GET', `${API}/payroll/allowances.csv?month=${MONTH}`)).status).toBe(401);
    expect(
      (await t.request('GET', `${API}/payroll/allowances?month=${MONTH}`, { apiKey: 'skp_nonsense' })).status,
    ).toBe(401);
    expect((await t.request('GET', `${API}/payroll/allowances?month=${MONTH}`, { apiKey: attendanceKey })).status).toBe(
      403,
    );
    for (const [method, path, body] of [
      ['POST', `${API}/attendance`, { month: MONTH, records: [] }],
      ['GET', `${API}/employees/${nips.s16}`, undefined],
      ['POST', `${API}/allowance/runs`, { month: MONTH }],
      ['GET', `${API}/allowance/rule-sets/R-GOLDEN`, undefined],
      ['POST', `${API}/allowance/months/${MONTH}/close`, undefined],
      ['GET', `${API}/units/NOPE`, undefined],
    ] as const) {
      expect([method, path, (await t.request(method, path, { apiKey: payrollKey, body })).status]).toEqual([
        method,
        path,
        403,
      ]);
    }
  });
});
