import { layoutProblems } from '../support/pdf-layout';
import { eventually } from '../support/eventually';
import { getBinary, pdfText } from '../support/evaluation-fixtures';
import { recordFinalEvaluation } from '../support/final-evaluation';
import { createEmployee, createUnit } from '../support/org-skp-fixtures';
import { createTestApp, TestApp } from '../support/test-app';

describe('angka kredit of a PPPK in a JF (spec 04 §6, ak.pppk.ledger = INFORMATIONAL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ worker: true });
  }, 30000);
  afterAll(async () => {
    await t.close();
  });

  it('credits a FINAL annual BAIK as a 12.500 informational entry, without KP outcome and without a failed job', async () => {
    const admin = await t.adminToken();
    const unitCode = await createUnit(t);
    const ppk = await createEmployee(t, { unitCode, kind: 'PENGAWAS', kelasJabatan: 9, golongan: 'III/d' });
    const nurse = await createEmployee(t, {
      unitCode,
      kind: 'FUNGSIONAL',
      jenjang: 'AHLI_PERTAMA',
      status: 'PPPK',
      golongan: 'IX',
      supervisorNip: ppk.nip,
      from: '2025-01-01',
    });
    const evaluationId = await recordFinalEvaluation(t, nurse.nip, '2025', 'BAIK');

    const credit = await eventually(async () => {
      const r = await t.request('GET', `/api/v1/employees/${nurse.nip}/credit`, { token: nurse.token });
      return r.status === 200 && r.body.version ? r.body : null;
    });
    expect(credit).toMatchObject({
      status: 'PPPK',
      jenjang: 'AHLI_PERTAMA',
      golongan: 'IX',
      balance: '12.500',
      informational: true,
      warnings: [],
    });
    expect(credit.notice).toMatch(/PPPK tidak memiliki kenaikan pangkat/);
    expect(credit.entries).toEqual([
      expect.objectContaining({
        source: 'PREDIKAT',
        period: '2025',
        months: 12,
        predicate: 'BAIK',
        amount: '12.500',
        informational: true,
      }),
    ]);
    // No pangkat ladder: the next step reported is the kenaikan jenjang, never a kenaikan pangkat.
    expect(credit.next).toMatchObject({
      kind: 'KENAIKAN_JENJANG',
      to: 'AHLI_MUDA',
      threshold: '100.000',
      shortfall: '87.500',
      eligible: false,
    });

    const outcomes = await eventually(async () => {
      const r = await t.request('GET', `/api/v1/employees/${nurse.nip}/outcomes`, { token: admin });
      return r.body.items?.some((o: { type: string }) => o.type === 'AK_CREDITED') ? r.body.items : null;
    });
    const types = outcomes.map((o: { type: string }) => o.type);
    expect(types).toContain('AK_CREDITED');
    for (const type of [
      'KENAIKAN_PANGKAT_ELIGIBLE',
      'KENAIKAN_JENJANG_ELIGIBLE',
      'KP_DELAYED',
      'COMPETENCY_TEST_REQUIRED',
    ])
      expect(types).not.toContain(type);

    // The job completed: nothing of this employee in the failed list (the list is shared with other tests).
    const failed = await t.request('GET', '/api/v1/jobs/failed', { token: admin });
    expect(failed.status).toBe(200);
    const [emp] = await t.dataSource.query(`SELECT id FROM employees WHERE nip = $1`, [nurse.nip]);
    const mine = failed.body.items.filter(
      (j: { data: Record<string, unknown> }) =>
        JSON.stringify(j.data).includes(evaluationId) || JSON.stringify(j.data).includes(emp.id),
    );
    expect(mine).toEqual([]);
    const stored = await t.dataSource.query(`SELECT balance::text FROM ak_ledgers WHERE employee_id = $1`, [emp.id]);
    expect(stored).toEqual([{ balance: '12.500' }]);

    // The PAK-style statement is marked informational, never a penetapan.
    const pak = await getBinary(t, `/api/v1/employees/${nurse.nip}/credit/pak/2025.pdf`, nurse.token);
    expect(pak.status).toBe(200);
    const text = await pdfText(pak.body);
    expect(text).toContain('PERNYATAAN ANGKA KREDIT (INFORMASI)');
    expect(text).not.toContain('PENETAPAN ANGKA KREDIT');
    expect(text).toContain('12,500');
    expect(text).toContain('Informasi: pegawai PPPK');
    expect(text).not.toContain('DIPERTIMBANGKAN');
    expect(await layoutProblems(pak.body)).toEqual([]);

    // AK Dasar / integrasi rest on a PNS golongan ruang: refused for a PPPK with a clear conflict.
    const opening = await t.request('POST', `/api/v1/employees/${nurse.nip}/credit/opening`, {
      token: admin,
      body: { kind: 'AK_DASAR' },
    });
    expect(opening.status).toBe(409);
    expect(opening.body.message).toMatch(/PPPK/);
  }, 120000);
});
