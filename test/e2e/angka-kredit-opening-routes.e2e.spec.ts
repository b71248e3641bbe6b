import { insertFinalEvaluation } from '../support/allowance-fixtures';
import { createEmployee, createUnit } from '../support/org-skp-fixtures';
import { createTestApp, TestApp } from '../support/test-app';

/** Issue 19 §4: entries into a JF through POST /employees/{nip}/credit/opening, computed by ak.opening. */
describe('entries into a JF (04 §4)', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.adminToken();
  }, 30000);
  afterAll(async () => {
    await t.close();
  });

  const open = (nip: string, body: unknown, token = admin) =>
    t.request('POST', `/api/v1/employees/${nip}/credit/opening`, { token, body });

  it('perpindahan, the worked example: III/d pelaksana > 3 years → Ahli Muda = 3 × 25 + AK Dasar 100 = 175', async () => {
    const unitCode = await createUnit(t);
    const jf = await createEmployee(t, {
      unitCode,
      kind: 'FUNGSIONAL',
      jenjang: 'AHLI_MUDA',
      golongan: 'III/d',
      from: '2026-01-01',
    });
    const baik = { months: 12, predicate: 'BAIK' };

    // Missing inputs of the route: 400 in the contract shape, nothing written.
    const missing = await open(jf.nip, { kind: 'PERPINDAHAN', predicates: [baik] });
    expect(missing.status).toBe(400);
    expect(missing.body.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'monthsInLastGolongan' })]),
    );
    const kembali = await open(jf.nip, { kind: 'PENGANGKATAN_KEMBALI' });
    expect(kembali.status).toBe(400);
    expect(kembali.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'lastBalance' })]));
    expect((await open(jf.nip, { kind: 'PENGANGKATAN_PERTAMA' })).status).toBe(400);
    expect((await open(jf.nip, { kind: 'PERPINDAHAN', monthsInLastGolongan: 48, amount: '175' })).status).toBe(400);
    expect(
      (await open(jf.nip, { kind: 'PERPINDAHAN', monthsInLastGolongan: 48, predicates: [baik] }, jf.token)).status,
    ).toBe(403);
    expect(
      (
        await t.dataSource.query(
          `SELECT count(*)::int AS n FROM ak_openings o JOIN employees e ON e.id = o.employee_id WHERE e.nip = $1`,
          [jf.nip],
        )
      )[0].n,
    ).toBe(0);

    const r = await open(jf.nip, {
      kind: 'PERPINDAHAN',
      topPangkatOfJa: true,
      monthsInLastGolongan: 50,
      predicates: [baik, baik, baik, baik, { months: 2, predicate: 'BAIK' }],
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      source: 'PERPINDAHAN',
      jenjang: 'AHLI_MUDA',
      golongan: 'III/d',
      amount: '175.000',
      konversi: '75.000',
      akDasar: '100.000',
    });
    expect(r.body.entries).toEqual([
      { months: 12, predicate: 'BAIK', amount: '25.000' },
      { months: 12, predicate: 'BAIK', amount: '25.000' },
      { months: 12, predicate: 'BAIK', amount: '25.000' },
    ]);
    expect(r.body.explanation.formula).toContain('36 bulan');

    const credit = await t.request('GET', `/api/v1/employees/${jf.nip}/credit`, { token: jf.token });
    expect(credit.status).toBe(200);
    expect(credit.body.balance).toBe('175.000');
    const opening = credit.body.entries.find((e: { amount: string }) => e.amount === '175.000');
    expect(opening.explanation.ruleId).toBe('ak.opening');
    // Once per jenjang.
    expect((await open(jf.nip, { kind: 'PROMOSI' })).status).toBe(409);
  });

  it('annex tables are versioned data: the built-in default, an admin version from a date (validated, audited), used by the route', async () => {
    const list = await t.request('GET', '/api/v1/angka-kredit/opening-tables', { token: admin });
    expect(list.status).toBe(200);
    expect(list.body.perpindahan[0]).toMatchObject({ id: 'PERBKN_3_2023_L2_A3', builtIn: true });
    expect(list.body.perpindahan[0].data[0]).toMatchObject({
      jenjang: 'AHLI_PERTAMA',
      golongan: 'IV/a',
      amount: '100',
    });

    const unitCode = await createUnit(t);
    const staff = await createEmployee(t, { unitCode, kind: 'PELAKSANA', golongan: 'III/a' });
    expect((await t.request('GET', '/api/v1/angka-kredit/opening-tables', { token: staff.token })).status).toBe(404);

    const jf = await createEmployee(t, {
      unitCode,
      kind: 'FUNGSIONAL',
      jenjang: 'AHLI_PERTAMA',
      golongan: 'III/b',
      from: '2026-01-01',
    });
    // Penyesuaian: the built-in Lampiran II angka 5 table is empty, so without a value from a person it is a 400.
    const none = await open(jf.nip, { kind: 'PENYESUAIAN', education: 'S1', relevantExperienceYears: 3 });
    expect(none.status).toBe(400);
    expect(none.body.details).toEqual([expect.objectContaining({ field: 'tableAmount' })]);

    const row = {
      jenjang: 'AHLI_PERTAMA',
      golongan: 'III/b',
      education: 'S1',
      minYears: 2,
      amount: '30',
      source: 'Lampiran II angka 5 (baris instansi)',
    };
    const version = {
      id: `E2E_${Date.now()}`,
      effectiveFrom: '2026-01-01',
      legalBasis: 'Peraturan BKN 3/2023 Lampiran II angka 5',
      rows: [row],
    };
    const path = '/api/v1/angka-kredit/opening-tables/penyesuaian';
    const bad = await t.request('PUT', path, {
      token: admin,
      body: { ...version, rows: [{ ...row, golongan: 'V/a', amount: 'tiga puluh' }] },
    });
    expect(bad.status).toBe(400);
    expect(
      (await t.request('PUT', '/api/v1/angka-kredit/opening-tables/lainnya', { token: admin, body: version })).status,
    ).toBe(404);
    expect((await t.request('PUT', path, { token: staff.token, body: version })).status).toBe(404);
    const put = await t.request('PUT', path, { token: admin, body: version });
    expect(put.status).toBe(200);
    const added = put.body.penyesuaian.find((v: { id: string }) => v.id === version.id);
    expect(added).toMatchObject({ builtIn: false, effectiveFrom: '2026-01-01', effectiveTo: null, data: [row] });
    expect(put.body.penyesuaian[0]).toMatchObject({ builtIn: true, effectiveTo: '2026-01-01' });
    expect((await t.request('PUT', path, { token: admin, body: version })).status).toBe(409);
    const audit = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'credit.opening-table' AND entity_id = $1`,
      [`penyesuaian:${version.id}`],
    );
    expect(audit[0].n).toBe(1);

    // The admin's row now applies: Lampiran II angka 5 value + AK Dasar of Ahli Pertama III/b.
    const r = await open(jf.nip, { kind: 'PENYESUAIAN', education: 'S1', relevantExperienceYears: 3 });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ source: 'PENYESUAIAN', tableAmount: '30.000' });
    expect(Number(r.body.amount)).toBe(30 + Number(r.body.akDasar));
    const credit = await t.request('GET', `/api/v1/employees/${jf.nip}/credit`, { token: jf.token });
    expect(credit.body.entries[0]).toMatchObject({ source: 'PENYESUAIAN', amount: r.body.amount });
  });
  it('perpindahan with a golongan above the jenjang: S2, IV/a → Ahli Pertama 100; next is the KJ after ≥ 1 year, never a KP', async () => {
    const unitCode = await createUnit(t);
    const jf = await createEmployee(t, {
      unitCode,
      kind: 'FUNGSIONAL',
      jenjang: 'AHLI_PERTAMA',
      golongan: 'IV/a',
      from: '2026-01-01',
    });
    const r = await open(jf.nip, { kind: 'PERPINDAHAN', education: 'S2', relevantExperienceYears: 4 });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      source: 'PERPINDAHAN',
      jenjang: 'AHLI_PERTAMA',
      golongan: 'IV/a',
      amount: '100.000',
      tableAmount: '100.000',
    });
    expect(r.body.explanation.formula).toContain('Lampiran II angka 3');

    const credit = await t.request('GET', `/api/v1/employees/${jf.nip}/credit`, { token: jf.token });
    expect(credit.status).toBe(200);
    expect(credit.body).toMatchObject({ jenjang: 'AHLI_PERTAMA', golongan: 'IV/a', balance: '100.000' });
    // The contract's entry source for a perpindahan is LAINNYA; its explanation is the ak.opening one.
    expect(credit.body.entries).toEqual([expect.objectContaining({ source: 'LAINNYA', amount: '100.000' })]);
    expect(credit.body.entries[0].explanation.formula).toContain('Lampiran II angka 3');
    // The AKK jenjang (100) is met; the KJ to Ahli Muda waits for 12 months in the jenjang, vacancy and ukom.
    expect(credit.body.next).toMatchObject({
      kind: 'KENAIKAN_JENJANG',
      to: 'AHLI_MUDA',
      threshold: '100.000',
      shortfall: '0.000',
      eligible: false,
      tmt: null,
    });
    expect(credit.body.next.unmet).toEqual(expect.arrayContaining(['MIN_MONTHS_IN_JENJANG']));
    expect(credit.body.next.unmet).not.toContain('AK_SHORTFALL');
    const step = credit.body.explanation.steps.find((s: { label: string }) =>
      s.label.startsWith('golongan di atas rentang jenjang'),
    );
    expect(step.formula).toContain('tidak ada kenaikan pangkat dalam jenjang ini');
  });
  it('predikat of years the engine holds are read from the FINAL evaluations; typed only for other years; a contradiction is a 400', async () => {
    const unitCode = await createUnit(t);
    const jf = await createEmployee(t, {
      unitCode,
      kind: 'FUNGSIONAL',
      jenjang: 'AHLI_MUDA',
      golongan: 'III/d',
      from: '2026-01-01',
    });
    await insertFinalEvaluation(t, jf.nip, '2024', 'SANGAT_BAIK');
    await insertFinalEvaluation(t, jf.nip, '2025', 'BAIK');
    const body = (predicates: unknown[]) => ({ kind: 'PERPINDAHAN', monthsInLastGolongan: 36, predicates });

    // The engine holds 2024 and 2025: a run without its year cannot be checked against them.
    const noYear = await open(jf.nip, body([{ months: 12, predicate: 'BAIK' }]));
    expect(noYear.status).toBe(400);
    expect(noYear.body.details).toEqual([expect.objectContaining({ field: 'predicates[0].year' })]);
    // A typed value contradicting the stored FINAL predikat.
    const contra = await open(jf.nip, body([{ year: 2025, months: 12, predicate: 'SANGAT_BAIK' }]));
    expect(contra.status).toBe(400);
    expect(contra.body.details).toEqual([expect.objectContaining({ field: 'predicates[0].predicate' })]);
    expect(contra.body.details[0].problem).toContain('BAIK');
    // A year the engine does not hold needs its typed predikat.
    const missing = await open(jf.nip, body([{ year: 2023, months: 12 }]));
    expect(missing.status).toBe(400);
    expect(missing.body.details).toEqual([expect.objectContaining({ field: 'predicates[0].predicate' })]);

    const r = await open(
      jf.nip,
      body([
        { year: 2025, months: 12 },
        { year: 2024, months: 12, predicate: 'SANGAT_BAIK' },
        { year: 2023, months: 12, predicate: 'BAIK' },
      ]),
    );
    expect(r.status).toBe(201);
    // 25 (2025 Baik, stored) + 37.5 (2024 Sangat Baik, stored) + 25 (2023 Baik, typed) + AK Dasar III/d 100.
    expect(r.body).toMatchObject({ konversi: '87.500', akDasar: '100.000', amount: '187.500' });
    const steps: { label: string; formula: string }[] = r.body.explanation.steps;
    expect(steps.find((s) => s.label.startsWith('predikat 2025'))?.formula).toContain('FINAL yang tersimpan');
    expect(steps.find((s) => s.label.startsWith('predikat 2024'))?.formula).toContain('FINAL yang tersimpan');
    expect(steps.find((s) => s.label.startsWith('predikat 2023'))?.formula).toContain(
      'diketik petugas: mesin tidak menyimpan predikat FINAL tahun 2023',
    );
  });
});
