import {
  allPayrollItems,
  API,
  createEmployee,
  createUnit,
  goldenAllowance,
  insertFinalEvaluation,
  runMonth,
} from '../support/allowance-fixtures';
import { createPayrollApp, GOLDEN } from '../support/payroll-scenario';
import type { TestApp } from '../support/test-app';

/**
 * Issue 7 (allowances + payroll), through HTTP and the real worker: rule sets, working days,
 * attendance and a monthly run in chunk jobs with the golden figures in the payroll pull. The pull's
 * other forms are in allowance-payroll-exports, month close and corrections in allowance-payroll-close.
 */
describe('allowances and payroll (e2e)', () => {
  let t: TestApp;
  let admin: string;
  let payrollKey: string;
  let attendanceKey: string;
  const MONTH = '2026-03';
  const nips: Record<string, string> = {};
  let lateUnitNip: string;

  beforeAll(async () => {
    ({ t, admin, payrollKey, attendanceKey } = await createPayrollApp());
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

  it('a run computes the golden figures; payroll pull shows them with invariants on every line', async () => {
    const run = await runMonth(t, MONTH);
    expect(run).toMatchObject({ status: 'DONE', mode: 'REGULAR' });
    expect(run.processed).toBe(run.total);
    expect(run.total).toBeGreaterThanOrEqual(8);
    expect(run.report.noRuleSet).toBeGreaterThanOrEqual(1);
    // The report lists the first problem lines of each chunk (other specs' employees share this database and
    // month), so the late unit's line itself is read for its status.
    expect(run.report.problems).toEqual(expect.arrayContaining([expect.objectContaining({ status: 'NO_RULE_SET' })]));
    expect(
      await t.dataSource.query(`SELECT status FROM allowance_lines WHERE nip = $1 AND month = $2`, [
        lateUnitNip,
        MONTH,
      ]),
    ).toEqual([{ status: 'NO_RULE_SET' }]);

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
});
