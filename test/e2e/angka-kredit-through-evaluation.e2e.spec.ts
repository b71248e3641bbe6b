import { eventually } from '../support/eventually';
import {
  createEvalOrg,
  evalPath,
  putRealizations,
  rate,
  setPerformance,
  setToday,
} from '../support/evaluation-fixtures';
import { approvedSkp, createEmployee, skpBody } from '../support/org-skp-fixtures';
import { createTestApp, TestApp } from '../support/test-app';

jest.setTimeout(180_000);

/** The whole chain through HTTP and the real worker: rating → FINAL → angka kredit and outcomes, with no further call. */
describe('an Ahli Pertama annual SANGAT_BAIK becomes 18.750 AK', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ worker: true });
  });
  afterAll(async () => {
    t?.clock.reset();
    await t?.close();
  });

  it('credits the ledger and records AK_CREDITED once, even when the finalisation event is replayed', async () => {
    setToday(t, '2026-02-02');
    const org = await createEvalOrg(t, 0);
    const jf = await createEmployee(t, {
      unitCode: org.unitCode,
      kind: 'FUNGSIONAL',
      jenjang: 'AHLI_PERTAMA',
      supervisorNip: org.ppk.nip,
      golongan: 'III/a',
      kelasJabatan: 8,
      title: 'Perawat Ahli Pertama',
    });
    const skp = await approvedSkp(t, jf, org.ppk, skpBody(2026));

    setToday(t, '2027-01-08');
    expect((await putRealizations(t, jf, skp, '2026')).status).toBe(200);
    const rated = await rate(t, org.ppk, skp, '2026', 'DI_ATAS_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI');
    expect(rated.body).toMatchObject({ status: 'RATED', predicate: 'SANGAT_BAIK' });
    expect((await setPerformance(t, org.leader.token, org.unitCode, '2026', 'ISTIMEWA')).status).toBe(200);
    const fin = await t.request('POST', `${evalPath(skp.id, '2026')}/finalize`, {
      token: org.ppk.token,
      body: { justification: 'Satu-satunya pejabat fungsional di unit ini' },
    });
    expect(fin.status).toBe(200);
    const acc = await t.request('POST', `${evalPath(skp.id, '2026')}/accept`, { token: jf.token });
    expect(acc.body).toMatchObject({ status: 'FINAL', predicate: 'SANGAT_BAIK' });

    const credit = await eventually(async () => {
      const r = await t.request('GET', `/api/v1/employees/${jf.nip}/credit`, { token: jf.token });
      return r.status === 200 && r.body.version ? r.body : null;
    });
    expect(credit.balance).toBe('18.750');
    expect(credit.entries).toEqual([
      expect.objectContaining({
        source: 'PREDIKAT',
        period: '2026',
        months: 12,
        predicate: 'SANGAT_BAIK',
        percentage: '1.50',
        coefficient: '12.500',
        amount: '18.750',
      }),
    ]);
    const credited = async () =>
      (
        (await t.request('GET', `/api/v1/employees/${jf.nip}/outcomes`, { token: jf.token })).body.items as {
          type: string;
        }[]
      ).filter((o) => o.type === 'AK_CREDITED');
    await eventually(async () => (await credited()).length === 1);

    // A second finalisation event for the same fact adds nothing.
    await t.dataSource.query(
      `INSERT INTO outbox (event_type, aggregate_type, aggregate_id, payload, correlation_id) VALUES ('EvaluationFinalized', 'Evaluation', $1, $2, 'replay-http')`,
      [acc.body.id, JSON.stringify({ evaluationId: acc.body.id, revision: 0 })],
    );
    await eventually(async () => {
      const rows = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM job_receipts r JOIN outbox o ON r.job_id LIKE 'o' || o.id || '-%' WHERE o.correlation_id = 'replay-http'
           AND r.job_name IN ('evaluation.credit-angka-kredit', 'evaluation.derive-outcomes')`,
      );
      return rows[0].n === 2;
    });
    expect(await credited()).toHaveLength(1);
    const [ledger] = await t.dataSource.query(
      `SELECT l.version, l.balance::text AS balance FROM ak_ledgers l JOIN employees e ON e.id = l.employee_id WHERE e.nip = $1`,
      [jf.nip],
    );
    expect(ledger).toEqual({ version: 1, balance: '18.750' });
  });
});
