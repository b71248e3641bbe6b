import { createEmployee, createUnit } from '../support/org-skp-fixtures';
import { createTestApp, TestApp } from '../support/test-app';

/** Replays the Low findings on stored data: an unknown rule-set field or template, a degree awarded in the future. */
describe('security: low findings on stored data (HTTP through the real app)', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.adminToken();
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses an unknown field in a rule set instead of storing it in the overrides', async () => {
    const code = `R-SEC-${Date.now()}`;
    const r = await t.request('PUT', `/api/v1/allowance/rule-sets/${code}`, {
      token: admin,
      body: { template: 'R-TPP-DEMO', effectiveFrom: '2031-01-01', evil: { payload: '<script>' } },
    });
    expect(r.status).toBe(400);
    expect(r.body.details).toEqual(expect.arrayContaining([{ field: 'evil', problem: 'unknown field' }]));
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM allowance_rule_sets WHERE code = $1`, [
      code,
    ]);
    expect(n).toBe(0);
  });

  it('refuses a template named after an Object.prototype member (toString, constructor) with 400, not 500', async () => {
    for (const template of ['toString', 'constructor', '__proto__']) {
      const code = `R-SEC-T-${Date.now()}`;
      const r = await t.request('PUT', `/api/v1/allowance/rule-sets/${code}`, {
        token: admin,
        body: { template, effectiveFrom: '2031-01-01' },
      });
      expect(r.status).toBe(400);
      expect(r.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'template' })]));
    }
  });

  it('refuses a degree awarded in the future (9999-12-31) instead of crediting it', async () => {
    const unitCode = await createUnit(t);
    const jf = await createEmployee(t, {
      unitCode,
      kind: 'FUNGSIONAL',
      jenjang: 'AHLI_PERTAMA',
      golongan: 'III/a',
      from: '2025-01-01',
    });
    const r = await t.request('POST', `/api/v1/employees/${jf.nip}/credit/education`, {
      token: admin,
      body: { degree: 'S2', awardedOn: '9999-12-31' },
    });
    expect(r.status).toBe(400);
    expect(r.body.details).toEqual([{ field: 'awardedOn', problem: 'must not be after today' }]);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM ak_education e JOIN employees x ON x.id = e.employee_id WHERE x.nip = $1`,
      [jf.nip],
    );
    expect(n).toBe(0);
  });
});
