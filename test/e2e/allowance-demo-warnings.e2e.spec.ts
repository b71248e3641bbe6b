import { AgencyService } from '../../src/agency/agency.service';
import { RuleSetsService } from '../../src/allowance/rule-sets.service';
import { DemoSeeder } from '../../src/demo/demo-seeder.service';
import { DEMO_EMPLOYEE_PASSWORD, DEMO_EMPLOYEES } from '../../src/demo/demo-agency.util';
import { EmployeesService } from '../../src/org/employees.service';
import { OrgDirectory } from '../../src/org/org-directory.service';
import { UnitsService } from '../../src/org/units.service';
import { R_TPP_DEMO } from '../../src/rules';
import { allPayrollItems, API, insertFinalEvaluation, runMonth } from '../support/allowance-fixtures';
import { createTestApp, eventually, TestApp } from '../support/test-app';

jest.setTimeout(240_000);

/**
 * No silent money on the demo agency with its defaults (R-TPP-DEMO: the quarter's FINAL predikat pays
 * its months, HOLD when missing): a month whose predikat and attendance exist is warning-free with the
 * right figures; a month without predikat holds the performance part (PREDIKAT_MISSING, not cut), the
 * close is refused until acknowledged, no ALLOWANCE_CUT follows, and the predikat arriving later is paid
 * by a correction.
 */
describe('demo agency allowances: warning-free with a predikat, held and acknowledged without', () => {
  let t: TestApp;
  let admin: string;
  const OK = '2027-02'; // 2027-Q1
  const HELD = '2027-05'; // 2027-Q2, no predikat yet
  const NEXT = '2027-06';
  const demoNips = new Set<string>();
  const kelasOf = new Map<string, number>();
  let late: string;

  beforeAll(async () => {
    t = await createTestApp({ worker: true });
    admin = await t.adminToken();
    await new DemoSeeder(
      t.app.get(UnitsService),
      t.app.get(EmployeesService),
      t.app.get(AgencyService),
      t.app.get(OrgDirectory),
      t.app.get(RuleSetsService),
    ).seed();
    const rows: { nip: string; kelas: number }[] = await t.dataSource.query(
      `SELECT e.nip, a.kelas_jabatan AS kelas FROM employees e JOIN employee_assignments a ON a.employee_id = e.id AND a.valid_to IS NULL WHERE e.nip = ANY($1::text[])`,
      [DEMO_EMPLOYEES.map((e) => e.nip)],
    );
    for (const r of rows) {
      demoNips.add(r.nip);
      kelasOf.set(r.nip, r.kelas);
    }
    expect(demoNips.size).toBeGreaterThanOrEqual(35);
    late = rows.find((r) => r.kelas === 9)!.nip;
  });
  afterAll(async () => {
    await t?.close();
  });

  const demoLines = async (month: string) =>
    (await allPayrollItems(t, month, { token: admin })).filter((i) => demoNips.has(i.nip));

  it('a month whose predikat and attendance exist: correct figures and no warning on any demo line', async () => {
    for (const nip of demoNips) await insertFinalEvaluation(t, nip, '2027-Q1', 'BAIK');
    const records = [...demoNips].map((nip) => ({
      nip,
      lateMinutes: nip === late ? [12] : [],
      earlyLeaveMinutes: [],
      absentDays: 0,
      missedApel: 0,
    }));
    expect((await t.request('POST', `${API}/attendance`, { token: admin, body: { month: OK, records } })).status).toBe(
      200,
    );
    const run = await runMonth(t, OK, 120000);
    expect(run.status).toBe('DONE');

    const lines = await demoLines(OK);
    expect(lines).toHaveLength(demoNips.size);
    for (const l of lines) {
      expect([l.nip, l.warnings, l.pending]).toEqual([l.nip, [], false]);
      expect(l.ruleSet).toMatch(/@\d+$/);
      expect(l.basicAmount).toBe(R_TPP_DEMO.baseTable[String(kelasOf.get(l.nip))]);
      if (l.nip !== late) expect([l.nip, l.netAmount, l.deductions]).toEqual([l.nip, l.basicAmount, []]);
    }
    // 00-api example: kelas 9, one TL of 12 minutes → 5,439,503 − 10,879 = 5,428,624.
    expect(lines.find((l) => l.nip === late)).toMatchObject({
      basicAmount: 5439503,
      deductions: [expect.objectContaining({ code: 'TL', amount: 10879 })],
      netAmount: 5428624,
    });
  });

  it('a month without predikat: the performance part is held (PREDIKAT_MISSING), not cut; the close is refused until acknowledged', async () => {
    const run = await runMonth(t, HELD, 120000);
    expect(run.status).toBe('DONE');
    expect(run.report.warnings.PREDIKAT_MISSING).toBeGreaterThanOrEqual(demoNips.size);
    expect(run.report.warnings.ATTENDANCE_MISSING).toBeGreaterThanOrEqual(demoNips.size);

    const lines = await demoLines(HELD);
    expect(lines).toHaveLength(demoNips.size);
    for (const l of lines) {
      const kin = Math.round(0.6 * l.basicAmount);
      expect(l).toMatchObject({ pending: true, heldAmount: kin, netAmount: l.basicAmount - kin, performancePart: kin });
      expect(l.deductions).toEqual([
        expect.objectContaining({ code: 'PREDIKAT_HELD', amount: kin, reason: expect.stringContaining('2027-Q2') }),
      ]);
      expect(l.warnings.map((w: { code: string }) => w.code).sort()).toEqual([
        'ATTENDANCE_MISSING',
        'PREDIKAT_MISSING',
      ]);
      expect(l.warnings.find((w: { code: string }) => w.code === 'PREDIKAT_MISSING').message).toContain('ditahan');
    }
    const month = await t.request('GET', `${API}/allowance/months/${HELD}`, { token: admin });
    expect(month.body.warnings.PREDIKAT_MISSING).toBeGreaterThanOrEqual(demoNips.size);

    // The lines behind a warning code (who, why): only lines carrying it, cursor paging kept.
    const behind = await t.request('GET', `${API}/payroll/allowances?month=${HELD}&warning=PREDIKAT_MISSING&limit=5`, {
      token: admin,
    });
    expect(behind.status).toBe(200);
    expect(behind.body.items).toHaveLength(5);
    for (const i of behind.body.items)
      expect(i.warnings.map((w: { code: string }) => w.code)).toContain('PREDIKAT_MISSING');
    const page2 = await t.request(
      'GET',
      `${API}/payroll/allowances?month=${HELD}&warning=PREDIKAT_MISSING&limit=5&after=${encodeURIComponent(behind.body.nextCursor)}`,
      { token: admin },
    );
    expect(page2.body.items[0].nip > behind.body.items[4].nip).toBe(true);
    const none = await t.request('GET', `${API}/payroll/allowances?month=${OK}&warning=PREDIKAT_MISSING`, {
      token: admin,
    });
    expect(none.body.items.filter((i: { nip: string }) => demoNips.has(i.nip))).toEqual([]);
    const badCode = await t.request('GET', `${API}/payroll/allowances?month=${HELD}&warning=NOPE`, { token: admin });
    expect(badCode.status).toBe(400);
    expect(badCode.body.details[0].field).toBe('warning');

    const refused = await t.request('POST', `${API}/allowance/months/${HELD}/close`, { token: admin });
    expect(refused.status).toBe(409);
    expect(refused.body.warnings).toMatchObject({
      PREDIKAT_MISSING: month.body.warnings.PREDIKAT_MISSING,
      ATTENDANCE_MISSING: month.body.warnings.ATTENDANCE_MISSING,
    });
    expect(refused.body.message).toContain('acknowledgeWarnings');
    expect((await t.request('GET', `${API}/allowance/months/${HELD}`, { token: admin })).body.status).toBe('OPEN');

    const closed = await t.request('POST', `${API}/allowance/months/${HELD}/close`, {
      token: admin,
      body: { acknowledgeWarnings: true },
    });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('CLOSED');
    const [audit] = await t.dataSource.query(
      `SELECT actor, after, reason FROM audit_log WHERE action = 'allowance.month.closed' AND entity_id = $1`,
      [HELD],
    );
    expect(audit.after).toMatchObject({ acknowledgeWarnings: true, warnings: refused.body.warnings });
    expect(audit.reason).toContain('PREDIKAT_MISSING');

    // A held part is no cut: closing derives no ALLOWANCE_CUT for the demo employees.
    await eventually(async () => {
      const [r] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM job_receipts r JOIN outbox o ON r.job_id = 'o' || o.id || '-allowance_month-closed' WHERE o.event_type = 'AllowanceMonthClosed' AND o.aggregate_id = $1`,
        [HELD],
      );
      return r.n >= 1;
    }, 60000);
    const cuts = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM outcomes o JOIN employees e ON e.id = o.employee_id WHERE o.type = 'ALLOWANCE_CUT' AND o.source_id LIKE $1 AND e.nip = ANY($2::text[])`,
      [`${HELD}%`, [...demoNips]],
    );
    expect(cuts[0].n).toBe(0);
  });

  it('the predikat becoming FINAL later is paid by a correction of the closed month', async () => {
    const nip = late;
    await insertFinalEvaluation(t, nip, '2027-Q2', 'BAIK');
    const correction = await runMonth(t, HELD, 120000);
    expect(correction).toMatchObject({ status: 'DONE', mode: 'CORRECTION' });
    expect(correction.report.adjustments).toBeGreaterThanOrEqual(1);
    const next = await runMonth(t, NEXT, 120000);
    expect(next.status).toBe('DONE');
    const line = (await demoLines(NEXT)).find((l) => l.nip === nip);
    // 60 % of 5,439,503 = 3,263,702 held in May, paid in June.
    expect(line.adjustments).toEqual([{ forMonth: HELD, amount: 3263702, reason: expect.stringContaining(HELD) }]);
  });

  it('GET /me/allowances: the employee reads their own months with parts, deductions and reasons, warnings, corrections, open/closed', async () => {
    const token = await t.login(late, DEMO_EMPLOYEE_PASSWORD);
    const mine = await t.request('GET', `${API}/me/allowances?year=2027`, { token });
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ nip: late, year: 2027 });
    expect(mine.body.items.map((l: { month: string }) => l.month)).toEqual([OK, HELD, NEXT]);
    const [feb, may, jun] = mine.body.items;
    expect(feb).toMatchObject({
      monthStatus: 'OPEN',
      status: 'COMPUTED',
      basicAmount: 5439503,
      netAmount: 5428624,
      payableAmount: 5428624,
      warnings: [],
      deductions: [expect.objectContaining({ code: 'TL', amount: 10879, reason: expect.any(String) })],
    });
    expect(feb.performancePart + feb.disciplinePart).toBe(feb.basicAmount);
    expect(may.monthStatus).toBe('CLOSED');
    expect(may.warnings.map((w: { code: string }) => w.code).sort()).toEqual([
      'ATTENDANCE_MISSING',
      'PREDIKAT_MISSING',
    ]);
    expect(may.deductions[0]).toMatchObject({ code: 'PREDIKAT_HELD', reason: expect.stringContaining('2027-Q2') });
    // Structured fields for plain sentences: the rule set by name and version, its regulations, the period.
    // The agency default in force is R-TPP-DEMO, or allowance-payroll's R-PAY-DEFAULT (made from the same
    // template) when that file ran first in the shared database: the info must name the line's own rule set.
    const [lineCode, lineVersion] = (may.ruleSet as string).split('@');
    expect(['R-TPP-DEMO', 'R-PAY-DEFAULT']).toContain(lineCode);
    expect(may).toMatchObject({
      ruleSetInfo: {
        code: lineCode,
        version: Number(lineVersion),
        name: R_TPP_DEMO.name,
        status: 'INFERRED',
        legalRefs: R_TPP_DEMO.legalRefs,
      },
      predicatePeriod: '2027-Q2',
      predicateApplied: null,
      workingDays: expect.any(Number),
    });
    expect(feb).toMatchObject({ predicatePeriod: '2027-Q1', predicateApplied: 'BAIK' });
    expect(jun.adjustments).toEqual([{ forMonth: HELD, amount: 3263702, reason: expect.stringContaining(HELD) }]);
    expect(jun.payableAmount).toBe(jun.netAmount + 3263702);
    expect((await t.request('GET', `${API}/me/allowances?year=2026`, { token })).body.items).toEqual([]);
    expect((await t.request('GET', `${API}/me/allowances?year=20x7`, { token })).status).toBe(400);
    // An account without an employee record has no allowance lines.
    expect((await t.request('GET', `${API}/me/allowances`, { token: admin })).status).toBe(404);
  });

  it('rule sets: a predikat factor above 1 is refused naming the field; a hukdis table keyed by sanction type is accepted', async () => {
    const bad = await t.request('PUT', `${API}/allowance/rule-sets/R-DEMO-SB110`, {
      token: admin,
      body: {
        template: 'R-TPP-DEMO',
        effectiveFrom: '2027-01-01',
        predikatFactor: { ...R_TPP_DEMO.predikatFactor, SANGAT_BAIK: '1.10' },
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([
      { field: 'predikatFactor.SANGAT_BAIK', problem: expect.stringContaining('0..1') },
    ]);
    const badMode = await t.request('PUT', `${API}/allowance/rule-sets/R-DEMO-SB110`, {
      token: admin,
      body: { template: 'R-TPP-DEMO', effectiveFrom: '2027-01-01', predikatMissing: 'CUT' },
    });
    expect(badMode.status).toBe(400);
    expect(badMode.body.details[0].field).toBe('predikatMissing');
    const permentan = await t.request('PUT', `${API}/allowance/rule-sets/R-DEMO-PERMENTAN`, {
      token: admin,
      body: {
        template: 'R-TPP-DEMO',
        effectiveFrom: '2027-01-01',
        hukdisMode: 'LOCAL_TABLE',
        hukdisTable: [
          { sanction: 'TEGURAN_LISAN', pct: '0.20', months: 1 },
          { sanction: 'TEGURAN_TERTULIS', pct: '0.30', months: 2 },
          { sanction: 'PERNYATAAN_TIDAK_PUAS', pct: '0.40', months: 3 },
        ],
      },
    });
    expect(permentan.status).toBe(201);
    expect(permentan.body.ruleSet.hukdisTable).toHaveLength(3);
  });
});
