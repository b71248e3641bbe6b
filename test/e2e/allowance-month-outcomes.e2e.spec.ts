import { API, createEmployee, createUnit, insertFinalEvaluation, runMonth } from '../support/allowance-fixtures';
import { eventually } from '../support/eventually';
import { createTestApp, TestApp } from '../support/test-app';

const MONTH = '2025-10';

describe('closing an allowance month derives ALLOWANCE_CUT outcomes once', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ worker: true });
  }, 120000);
  afterAll(async () => {
    await t.close();
  });

  it('turns a predicate cut into one outcome per employee and month, even when the close event is replayed', async () => {
    const admin = await t.adminToken();
    const unit = await createUnit(t);
    const rs = await t.request('PUT', `${API}/allowance/rule-sets/R-CUT-${unit}`, {
      token: admin,
      body: { template: 'R-TPP-DEMO', effectiveFrom: '2025-01-01', unitCodes: [unit], baseTable: { '8': 5000000 } },
    });
    expect(rs.status).toBe(201);
    const cut = await createEmployee(t, unit, 8);
    const full = await createEmployee(t, unit, 8);
    // R-TPP-DEMO pays a month with the FINAL predikat of its quarter (predikatSource QUARTERLY, lag 0).
    await insertFinalEvaluation(t, cut, '2025-Q4', 'KURANG');
    await insertFinalEvaluation(t, full, '2025-Q4', 'BAIK');
    const run = await runMonth(t, MONTH, 90000);
    expect(run.status).toBe('DONE');
    // No attendance was sent (ATTENDANCE_MISSING): the close needs the acknowledgement.
    expect(run.report.warnings.ATTENDANCE_MISSING).toBeGreaterThanOrEqual(2);
    expect((await t.request('POST', `${API}/allowance/months/${MONTH}/close`, { token: admin })).status).toBe(409);
    expect(
      (
        await t.request('POST', `${API}/allowance/months/${MONTH}/close`, {
          token: admin,
          body: { acknowledgeWarnings: true },
        })
      ).status,
    ).toBeLessThan(300);

    const outcomes = await eventually(async () => {
      const r = await t.request('GET', `${API}/employees/${cut}/outcomes`, { token: admin });
      return r.body.items?.some((o: { type: string }) => o.type === 'ALLOWANCE_CUT') ? r.body.items : null;
    }, 60000);
    const cuts = outcomes.filter((o: { type: string }) => o.type === 'ALLOWANCE_CUT');
    expect(cuts).toHaveLength(1);
    expect(cuts[0]).toMatchObject({
      effectiveFrom: '2025-10-01',
      effectiveTo: '2025-11-01',
      period: MONTH,
      source: { kind: 'ALLOWANCE_MONTH' },
    });
    expect(cuts[0].reason).toContain('PREDIKAT Rp900000');
    // The basis is the rule set that cut, not the discipline regulation (no sanction involved).
    expect(cuts[0].legalBasis).toContain(`R-CUT-${unit}@1`);
    expect(cuts[0].legalBasis).toContain('PP 12/2019');
    expect(cuts[0].legalBasis).not.toContain('PP 94/2021');
    const fullOutcomes = await t.request('GET', `${API}/employees/${full}/outcomes`, { token: admin });
    expect(fullOutcomes.body.items.filter((o: { type: string }) => o.type === 'ALLOWANCE_CUT')).toEqual([]);

    // Replaying the close event adds nothing.
    await t.dataSource.query(
      `INSERT INTO outbox (event_type, aggregate_type, aggregate_id, payload, correlation_id) VALUES ('AllowanceMonthClosed', 'allowance_month', $1, $2, 'replay-close')`,
      [MONTH, JSON.stringify({ month: MONTH })],
    );
    await eventually(async () => {
      const rows = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM job_receipts r JOIN outbox o ON r.job_id = 'o' || o.id || '-allowance_month-closed' WHERE o.correlation_id = 'replay-close'`,
      );
      return rows[0].n === 1;
    }, 60000);
    const again = await t.request('GET', `${API}/employees/${cut}/outcomes`, { token: admin });
    expect(again.body.items.filter((o: { type: string }) => o.type === 'ALLOWANCE_CUT')).toHaveLength(1);
  }, 180000);
});
