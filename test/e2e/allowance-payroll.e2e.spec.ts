import {
  allPayrollItems,
  API,
  createApiKey,
  createEmployee,
  createUnit,
  goldenAllowance,
  insertFinalEvaluation,
  runMonth,
} from '../support/allowance-fixtures';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { createTestApp, TestApp } from '../support/test-app';
import { PayrollLinesRepository } from '../../src/allowance/payroll-lines.repository';

/**
 * Issue 7 (allowances + payroll), through HTTP and the real worker: rule sets, attendance, a monthly
 * run in chunk jobs, payroll pull (JSON + CSV) with the golden figures, month close, corrections.
 */
describe('allowances and payroll (e2e)', () => {
  let t: TestApp;
  let admin: string;
  let payrollKey: string;
  let attendanceKey: string;
  const MONTH = '2026-03';
  const NEXT = '2026-04';
  const nips: Record<string, string> = {};
  let lateUnitNip: string;
  // Golden cases reproduced by employees (kelas 8 → Rp5,000,000 and kelas 9 → Rp5,439,503 in R-GOLDEN).
  const GOLDEN = ['tpp-017', 'tpp-012', 'tpp-013', 'tpp-009', 'tpp-011', 'tpp-008'];

  beforeAll(async () => {
    t = await createTestApp({ worker: true });
    admin = await t.adminToken();
    payrollKey = await createApiKey(t, ['payroll:read']);
    attendanceKey = await createApiKey(t, ['attendance:write']);
  }, 60000);

  afterAll(async () => {
    await t?.close();
  });

  it('stores rule sets as versions: template + overrides, default, unit assignment, overlap → 409, bad body → 400', async () => {
    // Its own code: the demo seed (another file, same database) may already hold R-TPP-DEMO from 2025-01-01.
    const demo = await t.request('PUT', `${API}/allowance/rule-sets/R-PAY-DEFAULT`, {
      token: admin,
      body: { template: 'R-TPP-DEMO', effectiveFrom: '2025-01-01', default: true },
    });
    expect(demo.status).toBe(201);
    expect(demo.body).toMatchObject({
      code: 'R-PAY-DEFAULT',
      ref: `R-PAY-DEFAULT@${demo.body.version}`,
      template: 'R-TPP-DEMO',
      default: true,
      effectiveTo: null,
    });

    const parent = await createUnit(t);
    const child = await createUnit(t, parent);
    const late = await createUnit(t);
    const g = await t.request('PUT', `${API}/allowance/rule-sets/R-GOLDEN`, {
      token: admin,
      body: {
        template: 'R-TPP-DEMO',
        effectiveFrom: '2026-01-01',
        unitCodes: [parent],
        baseTable: { '8': 5000000, '9': 5439503 },
      },
    });
    expect(g.status).toBe(201);
    expect(g.body).toMatchObject({
      code: 'R-GOLDEN',
      version: 1,
      effectiveFrom: '2026-01-01',
      template: 'R-TPP-DEMO',
      default: false,
      unitCodes: [parent],
    });
    expect(g.body.ruleSet.baseTable).toEqual({ '8': 5000000, '9': 5439503 });
    expect(g.body.ruleSet.split).toEqual({ kin: '0.60', dis: '0.40' });

    // Overlap with the open-ended v1 starting at the same day → 409; a later start supersedes v1.
    const overlap = await t.request('PUT', `${API}/allowance/rule-sets/R-GOLDEN`, {
      token: admin,
      body: { template: 'R-TPP-DEMO', effectiveFrom: '2026-01-01' },
    });
    expect(overlap.status).toBe(409);
    const bad = await t.request('PUT', `${API}/allowance/rule-sets/R-GOLDEN`, {
      token: admin,
      body: { template: 'R-TPP-DEMO', effectiveFrom: '2027-01-01', split: { kin: '0.7', dis: '0.4' } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toContain('split');
    const badUnit = await t.request('PUT', `${API}/allowance/rule-sets/R-OTHER`, {
      token: admin,
      body: { template: 'R-TPP-DEMO', effectiveFrom: '2027-01-01', unitCodes: ['NOPE-UNIT'] },
    });
    expect(badUnit.status).toBe(400);
    expect(badUnit.body.details).toEqual([{ field: 'unitCodes[0]', problem: 'unknown unit NOPE-UNIT' }]);
    expect((await t.request('GET', `${API}/allowance/rule-sets/R-OTHER`, { token: admin })).status).toBe(404);

    const v2 = await t.request('PUT', `${API}/allowance/rule-sets/R-GOLDEN`, {
      token: admin,
      body: { template: 'R-TPP-DEMO', effectiveFrom: '2027-01-01', baseTable: { '8': 5100000, '9': 5500000 } },
    });
    expect(v2.status).toBe(201);
    expect(v2.body).toMatchObject({ version: 2, closedVersion: 1 });
    const versions = await t.request('GET', `${API}/allowance/rule-sets/R-GOLDEN`, { token: admin });
    expect(versions.status).toBe(200);
    expect(versions.body.versions.map((v: any) => [v.ref, v.effectiveFrom, v.effectiveTo])).toEqual([
      ['R-GOLDEN@1', '2026-01-01', '2027-01-01'],
      ['R-GOLDEN@2', '2027-01-01', null],
    ]);
    expect(versions.body.unitCodes).toEqual([parent]);

    // A unit whose rule set has no version for March 2026: its employees are reported, never paid.
    const rLate = await t.request('PUT', `${API}/allowance/rule-sets/R-LATE`, {
      token: admin,
      body: { template: 'R-TPP-DEMO', effectiveFrom: '2026-06-01', unitCodes: [late] },
    });
    expect(rLate.status).toBe(201);
    lateUnitNip = await createEmployee(t, late, 8);

    for (const id of GOLDEN) {
      const c = goldenAllowance(id);
      // The reproduction relies on R-GOLDEN = R-TPP-DEMO with only the base table pinned.
      const rs = c.input.ruleSet as string | { base: string; baseTable?: unknown };
      expect(typeof rs === 'string' ? rs : Object.keys(rs).filter((k) => k !== 'baseTable')).toEqual(
        typeof rs === 'string' ? 'R-TPP-DEMO' : ['base'],
      );
      expect(c.input.workingDays).toBe(22);
      const kelas = c.input.kelasJabatan ?? (c.input.basicAmount === 5000000 ? 8 : null);
      expect(kelas).not.toBeNull();
      nips[id] = await createEmployee(t, id === 'tpp-017' ? child : parent, kelas!, id === 'tpp-008' ? 'PPPK' : 'PNS');
      // R-TPP-DEMO pays March with the FINAL predikat of 2026-Q1 (predikatSource QUARTERLY, lag 0). tpp-011 has none.
      if (c.input.predicate !== 'NONE') await insertFinalEvaluation(t, nips[id], '2026-Q1', c.input.predicate);
    }
    // The §16 worked example (without the hukdis, no discipline decisions yet): quarterly BAIK covering March.
    nips.s16 = await createEmployee(t, parent, 8);
    await insertFinalEvaluation(t, nips.s16, '2026-Q1', 'BAIK');
  }, 60000);

  it('working days: Mon–Fri minus configured holidays, or a configured value', async () => {
    const base = await t.request('GET', `${API}/allowance/working-days/${MONTH}`, { token: admin });
    expect(base.body).toMatchObject({ month: MONTH, workingDays: 22, source: 'COMPUTED' });
    expect(
      (
        await t.request('PUT', `${API}/allowance/holidays/2026-03-19`, {
          token: admin,
          body: { name: 'Hari Suci Nyepi' },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await t.request('PUT', `${API}/allowance/holidays/2026-03-21`, {
          token: admin,
          body: { name: 'Sabtu (tidak dihitung)' },
        })
      ).status,
    ).toBe(200);
    const withHoliday = await t.request('GET', `${API}/allowance/working-days/${MONTH}`, { token: admin });
    expect(withHoliday.body).toMatchObject({
      workingDays: 21,
      source: 'COMPUTED',
      holidays: [{ date: '2026-03-19', name: 'Hari Suci Nyepi' }],
    });
    const set = await t.request('PUT', `${API}/allowance/working-days/${MONTH}`, {
      token: admin,
      body: { workingDays: 22 },
    });
    expect(set.body).toMatchObject({ workingDays: 22, source: 'CONFIGURED' });
    expect(
      (await t.request('PUT', `${API}/allowance/working-days/${MONTH}`, { token: admin, body: { workingDays: 40 } }))
        .status,
    ).toBe(400);
  });

  it('attendance: all-or-nothing with row details for unknown NIPs; ADMIN or attendance:write key', async () => {
    const good = { nip: nips['tpp-017'], lateMinutes: [1], earlyLeaveMinutes: [], absentDays: 0, missedApel: 0 };
    const r = await t.request('POST', `${API}/attendance`, {
      apiKey: attendanceKey,
      body: {
        month: MONTH,
        records: [
          good,
          { nip: '199901012020011999', lateMinutes: [], absentDays: 0, missedApel: 0 },
          { nip: nips['tpp-012'], absentDays: 30 },
        ],
      },
    });
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([
      { row: 1, nip: '199901012020011999', field: 'records[1].nip', problem: 'unknown NIP' },
      {
        row: 2,
        nip: nips['tpp-012'],
        field: 'records[2].absentDays',
        problem: 'must be an integer 0..22 (working days in 2026-03)',
      },
    ]);
    const written = await t.dataSource.query(
      `SELECT 1 FROM attendance_months a JOIN employees e ON e.id = a.employee_id WHERE e.nip = $1`,
      [good.nip],
    );
    expect(written).toHaveLength(0);
    expect(
      (await t.request('POST', `${API}/attendance`, { apiKey: payrollKey, body: { month: MONTH, records: [good] } }))
        .status,
    ).toBe(403);
    expect((await t.request('POST', `${API}/attendance`, { body: { month: MONTH, records: [good] } })).status).toBe(
      401,
    );

    const records = GOLDEN.map((id) => ({ nip: nips[id], ...goldenAllowance(id).input.attendance }));
    records.push({
      nip: nips.s16,
      lateMinutes: [45, 45, 45],
      earlyLeaveMinutes: [],
      absentDays: 1,
      missedApel: 0,
    } as any);
    // First send with a wrong figure for tpp-017, then the resend replaces it.
    const first = await t.request('POST', `${API}/attendance`, {
      apiKey: attendanceKey,
      body: {
        month: MONTH,
        records: records.map((x) => (x.nip === nips['tpp-017'] ? { ...x, lateMinutes: [95, 95] } : x)),
      },
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ month: MONTH, received: 7, created: 7, replaced: 0, monthStatus: 'OPEN' });
  });

  let runTotal = 0;
  it('a run computes the golden figures; payroll pull shows them with invariants on every line', async () => {
    const run = await runMonth(t, MONTH);
    expect(run).toMatchObject({ status: 'DONE', mode: 'REGULAR' });
    expect(run.processed).toBe(run.total);
    expect(run.total).toBeGreaterThanOrEqual(8);
    runTotal = run.total;
    expect(run.report.noRuleSet).toBeGreaterThanOrEqual(1);
    expect(run.report.problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ nip: lateUnitNip, status: 'NO_RULE_SET' })]),
    );

    const items = await allPayrollItems(t, MONTH, { apiKey: payrollKey });
    const byNip = new Map(items.map((i) => [i.nip, i]));
    // tpp-017 was sent with wrong minutes first: 2 × 95 min = 2 × 1.5% of the discipline part.
    expect(byNip.get(nips['tpp-017'])).toMatchObject({
      basicAmount: 5439503,
      disciplinePart: 2175801,
      deductions: [expect.objectContaining({ code: 'TL', amount: 65274 })],
      netAmount: 5374229,
      version: 1,
    });
    for (const id of GOLDEN.filter((x) => x !== 'tpp-017')) {
      const e = goldenAllowance(id).expected;
      const item = byNip.get(nips[id]);
      expect(item).toMatchObject({
        nip: nips[id],
        name: `Pegawai, ${nips[id].slice(-4)}`,
        kelasJabatan: 8,
        ruleSet: 'R-GOLDEN@1',
        basicAmount: e.basicAmount,
        performancePart: e.performancePart,
        disciplinePart: e.disciplinePart,
        totalDeductions: e.totalDeductions,
        netAmount: e.netAmount,
        version: 1,
      });
      const byCode = Object.fromEntries(
        item.deductions
          .filter((d: any) => d.code !== 'PREDIKAT' && d.code !== 'PREDIKAT_HELD')
          .map((d: any) => [d.code, d.amount]),
      );
      expect(byCode).toEqual(e.deductionsByCode);
    }
    // §16 (no hukdis): TL 3 × 1% × 2,000,000 = 60,000; TK 2,000,000 / 22 = 90,909; paid 4,849,091.
    expect(byNip.get(nips.s16)).toMatchObject({
      basicAmount: 5000000,
      performancePart: 3000000,
      disciplinePart: 2000000,
      netAmount: 4849091,
      totalDeductions: 150909,
      deductions: [
        expect.objectContaining({ code: 'TL', amount: 60000 }),
        expect.objectContaining({ code: 'TK', amount: 90909 }),
      ],
    });
    expect(byNip.get(nips.s16).explanation.context.predicate).toMatchObject({ value: 'BAIK', period: '2026-Q1' });
    // No FINAL predikat for 2026-Q1: the performance part is held (predikatMissing HOLD), not cut, and the line says so.
    expect(byNip.get(nips['tpp-011'])).toMatchObject({
      deductions: [expect.objectContaining({ code: 'PREDIKAT_HELD', amount: 3000000 })],
      pending: true,
      heldAmount: 3000000,
      warnings: [{ code: 'PREDIKAT_MISSING', message: expect.stringContaining('2026-Q1') }],
    });
    expect(byNip.get(nips['tpp-011']).explanation.context.predicate).toMatchObject({ value: null, period: '2026-Q1' });
    expect(byNip.get(nips.s16)).toMatchObject({ warnings: [], pending: false, heldAmount: 0 });
    expect(run.report.warnings.PREDIKAT_MISSING).toBeGreaterThanOrEqual(1);
    expect(run.report.warnings.RULESET_MISSING).toBeGreaterThanOrEqual(1);
    expect(byNip.get(nips['tpp-017']).explanation.context.ruleSetResolution).toMatchObject({
      code: 'R-GOLDEN',
      via: 'ANCESTOR',
    });
    expect(byNip.has(lateUnitNip)).toBe(false);

    // Every line: stable NIP order, integer rupiah, basic = parts, net = basic − Σ deductions, every deduction explained.
    expect(items.map((i) => i.nip)).toEqual([...items.map((i) => i.nip)].sort());
    expect(new Set(items.map((i) => i.nip)).size).toBe(items.length);
    for (const i of items) {
      for (const k of ['basicAmount', 'performancePart', 'disciplinePart', 'netAmount'])
        expect(Number.isInteger(i[k])).toBe(true);
      expect(i.performancePart + i.disciplinePart).toBe(i.basicAmount);
      expect(i.basicAmount - i.deductions.reduce((s: number, d: any) => s + d.amount, 0)).toBe(i.netAmount);
      for (const d of i.deductions) expect(d.reason.length).toBeGreaterThan(0);
      expect(i.ruleSet).toMatch(/^[A-Z0-9_-]+@\d+$/);
    }
    const first = await t.request('GET', `${API}/payroll/allowances?month=${MONTH}&limit=2`, { apiKey: payrollKey });
    expect(first.body).toMatchObject({
      month: MONTH,
      status: 'OPEN',
      notComputed: { NO_RULE_SET: expect.any(Number) },
      warnings: { PREDIKAT_MISSING: expect.any(Number), RULESET_MISSING: expect.any(Number) },
    });
    expect(first.body.items).toHaveLength(2);
    const second = await t.request(
      'GET',
      `${API}/payroll/allowances?month=${MONTH}&limit=2&after=${encodeURIComponent(first.body.nextCursor)}`,
      { apiKey: payrollKey },
    );
    expect(second.body.items[0].nip > first.body.items[1].nip).toBe(true);
    expect(
      (await t.request('GET', `${API}/payroll/allowances?month=${MONTH}&after=garbage`, { apiKey: payrollKey })).status,
    ).toBe(400);
    expect((await t.request('GET', `${API}/payroll/allowances?month=2026-13`, { apiKey: payrollKey })).status).toBe(
      400,
    );
  }, 90000);

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
      `${nips.s16},"Pegawai, ${nips.s16.slice(-4)}",8,R-GOLDEN@1,5000000,3000000,2000000,0,60000,0,0,90909,0,0,0,0,0,150909,4849091,0,4849091,1,`,
    );
    const held = lines.find((l) => l.startsWith(nips['tpp-011']))!;
    expect(held).toBe(
      `${nips['tpp-011']},"Pegawai, ${nips['tpp-011'].slice(-4)}",8,R-GOLDEN@1,5000000,3000000,2000000,0,0,0,0,0,0,0,0,3000000,0,3000000,2000000,0,2000000,1,PREDIKAT_MISSING`,
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
    expect(s16.slice(1, 5)).toEqual([`Pegawai, ${nips.s16.slice(-4)}`, '8', 'R-GOLDEN@1', '5000000']);
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

  it('attendance resend replaces; only the changed line gets a new version; an identical resend changes nothing', async () => {
    const fixed = { nip: nips['tpp-017'], ...goldenAllowance('tpp-017').input.attendance };
    const resend = await t.request('POST', `${API}/attendance`, {
      token: admin,
      body: { month: MONTH, records: [fixed] },
    });
    expect(resend.body).toMatchObject({ received: 1, created: 0, replaced: 1, unchanged: 0 });
    const again = await t.request('POST', `${API}/attendance`, {
      token: admin,
      body: { month: MONTH, records: [fixed] },
    });
    expect(again.body).toMatchObject({ received: 1, created: 0, replaced: 0, unchanged: 1 });
    const audit = await t.dataSource.query(
      `SELECT before, after FROM audit_log WHERE action = 'attendance.replaced' AND entity_id = $1`,
      [`${fixed.nip}:${MONTH}`],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0].before.lateMinutes).toEqual([95, 95]);

    const before = new Map((await allPayrollItems(t, MONTH, { apiKey: payrollKey })).map((i) => [i.nip, i]));
    const run = await runMonth(t, MONTH);
    expect(run.total).toBe(runTotal);
    expect(run.report).toMatchObject({ changed: 1, created: 0, unchanged: runTotal - 1 });
    const after = await allPayrollItems(t, MONTH, { apiKey: payrollKey });
    for (const i of after) {
      if (i.nip === nips['tpp-017']) continue;
      expect(i.version).toBe(before.get(i.nip).version);
    }
    const e = goldenAllowance('tpp-017').expected;
    expect(after.find((i) => i.nip === nips['tpp-017'])).toMatchObject({
      kelasJabatan: 9,
      basicAmount: e.basicAmount,
      performancePart: e.performancePart,
      disciplinePart: e.disciplinePart,
      deductions: [expect.objectContaining({ code: 'TL', amount: e.deductionsByCode.TL })],
      netAmount: e.netAmount,
      version: 2,
    });
    expect(e.netAmount).toBe(5428624);
  }, 90000);

  it('closing the month freezes it: re-running changes nothing; a later correction becomes an adjustment in the next open month', async () => {
    const snapshot = async () =>
      t.dataSource.query(
        `SELECT employee_id, figures_hash, version, updated_at, net_amount FROM allowance_lines WHERE month = $1 ORDER BY employee_id`,
        [MONTH],
      );
    const before = await snapshot();
    // Lines with warnings (a held predikat, an employee without a rule set): refused until acknowledged, audited.
    const refused = await t.request('POST', `${API}/allowance/months/${MONTH}/close`, { token: admin });
    expect(refused.status).toBe(409);
    expect(refused.body.warnings).toMatchObject({
      PREDIKAT_MISSING: expect.any(Number),
      RULESET_MISSING: expect.any(Number),
    });
    expect(refused.body.details).toEqual(
      expect.arrayContaining([{ field: 'warnings.PREDIKAT_MISSING', problem: expect.stringMatching(/line/) }]),
    );
    expect(
      (
        await t.request('POST', `${API}/allowance/months/${MONTH}/close`, {
          token: admin,
          body: { acknowledgeWarnings: 'yes' },
        })
      ).status,
    ).toBe(400);
    const closed = await t.request('POST', `${API}/allowance/months/${MONTH}/close`, {
      token: admin,
      body: { acknowledgeWarnings: true },
    });
    expect(closed.status).toBe(200);
    const [closeAudit] = await t.dataSource.query(
      `SELECT after, reason FROM audit_log WHERE action = 'allowance.month.closed' AND entity_id = $1`,
      [MONTH],
    );
    expect(closeAudit.after).toMatchObject({
      status: 'CLOSED',
      acknowledgeWarnings: true,
      warnings: refused.body.warnings,
    });
    expect(closed.body).toMatchObject({ month: MONTH, status: 'CLOSED' });
    expect(
      (
        await t.request('POST', `${API}/allowance/months/${MONTH}/close`, {
          token: admin,
          body: { acknowledgeWarnings: true },
        })
      ).status,
    ).toBe(409);
    const event = await t.dataSource.query(
      `SELECT payload FROM outbox WHERE event_type = 'AllowanceMonthClosed' AND aggregate_id = $1`,
      [MONTH],
    );
    expect(event).toEqual([{ payload: { month: MONTH } }]);
    const page = await t.request('GET', `${API}/payroll/allowances?month=${MONTH}&limit=1`, { apiKey: payrollKey });
    expect(page.body.status).toBe('CLOSED');

    const rerun = await runMonth(t, MONTH);
    expect(rerun).toMatchObject({ status: 'DONE', mode: 'CORRECTION' });
    expect(rerun.report).toMatchObject({ adjustments: 0, created: 0, changed: 0 });
    expect(await snapshot()).toEqual(before);
    await expect(
      t.dataSource.query(`UPDATE allowance_lines SET net_amount = net_amount WHERE month = $1`, [MONTH]),
    ).rejects.toThrow(/closed/);

    // A late correction: tpp-009's employee was absent one day. Resending attendance does not touch March's figures…
    const corr = await t.request('POST', `${API}/attendance`, {
      apiKey: attendanceKey,
      body: {
        month: MONTH,
        records: [{ nip: nips['tpp-009'], lateMinutes: [], earlyLeaveMinutes: [], absentDays: 1, missedApel: 0 }],
      },
    });
    expect(corr.body).toMatchObject({ replaced: 1, monthStatus: 'CLOSED' });
    expect(await snapshot()).toEqual(before);
    // …the re-run of the closed month carries the difference into April (−2,000,000 / 22 = −90,909), audited.
    const correction = await runMonth(t, MONTH);
    expect(correction.report).toMatchObject({ adjustments: 1 });
    expect(await snapshot()).toEqual(before);
    const again = await runMonth(t, MONTH);
    expect(again.report).toMatchObject({ adjustments: 0 });

    const april = await runMonth(t, NEXT);
    expect(april.status).toBe('DONE');
    const items = await allPayrollItems(t, NEXT, { apiKey: payrollKey });
    const line = items.find((i) => i.nip === nips['tpp-009']);
    expect(line.adjustments).toEqual([{ forMonth: MONTH, amount: -90909, reason: expect.stringContaining(MONTH) }]);
    expect(line.payableAmount).toBe(line.netAmount - 90909);
    expect(line.basicAmount - line.deductions.reduce((s: number, d: any) => s + d.amount, 0)).toBe(line.netAmount);
    const audit = await t.dataSource.query(
      `SELECT after FROM audit_log WHERE action = 'allowance.adjustment.created' AND after->>'forMonth' = $1`,
      [MONTH],
    );
    expect(audit.map((a: any) => a.after)).toEqual([
      expect.objectContaining({ month: NEXT, forMonth: MONTH, amount: -90909 }),
    ]);
  }, 120000);
});
