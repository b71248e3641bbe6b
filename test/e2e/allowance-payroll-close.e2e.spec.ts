import { allPayrollItems, API, goldenAllowance, runMonth } from '../support/allowance-fixtures';
import { createPayrollApp, goldenPayrollMonth } from '../support/payroll-scenario';
import type { TestApp } from '../support/test-app';

/**
 * A computed golden month after the fact: an attendance resend re-versions only the changed line;
 * closing freezes the month (refused while warnings are unacknowledged) and a later correction
 * becomes an adjustment in the next open month.
 */
describe('allowance month: resend, close and corrections (e2e)', () => {
  let t: TestApp;
  let admin: string;
  let payrollKey: string;
  let attendanceKey: string;
  // Months and rule sets of this file's own (files share the run's database; a closed month stays closed).
  const MONTH = '2029-05';
  const NEXT = '2029-06';
  let nips: Record<string, string>;
  let runTotal = 0;

  beforeAll(async () => {
    const p = await createPayrollApp();
    ({ t, admin, payrollKey, attendanceKey } = p);
    const month = await goldenPayrollMonth(p, { month: MONTH, ruleSet: 'R-GOLDEN-CLOSE', lateRuleSet: 'R-LATE-CLOSE' });
    nips = month.nips;
    runTotal = month.run.total;
  }, 120000);

  afterAll(async () => {
    await t?.close();
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
