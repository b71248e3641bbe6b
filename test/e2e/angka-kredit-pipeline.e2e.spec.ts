import { writeFileSync } from 'node:fs';
import { eventually } from '../support/eventually';
import { getBinary, pdfText } from '../support/evaluation-fixtures';
import { layoutProblems } from '../support/pdf-layout';
import { recordFinalEvaluation } from '../support/final-evaluation';
import { createEmployee, createUnit } from '../support/org-skp-fixtures';
import { createTestApp, TestApp } from '../support/test-app';

describe('angka kredit and outcomes pipeline (outbox → BullMQ → worker)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ worker: true });
  }, 30000);
  afterAll(async () => {
    await t.close();
  });

  it('credits 18.750 for an Ahli Pertama annual SANGAT_BAIK without any further call, and a replay adds nothing', async () => {
    const unitCode = await createUnit(t);
    const ppk = await createEmployee(t, { unitCode, kind: 'PENGAWAS', kelasJabatan: 9, golongan: 'III/d' });
    const jf = await createEmployee(t, {
      unitCode,
      kind: 'FUNGSIONAL',
      jenjang: 'AHLI_PERTAMA',
      supervisorNip: ppk.nip,
      golongan: 'III/a',
      from: '2025-01-01',
    });
    const evaluationId = await recordFinalEvaluation(t, jf.nip, '2025', 'SANGAT_BAIK');

    const credit = await eventually(async () => {
      const r = await t.request('GET', `/api/v1/employees/${jf.nip}/credit`, { token: jf.token });
      return r.status === 200 && r.body.version ? r.body : null;
    });
    expect(credit.balance).toBe('18.750');
    expect(credit.jenjang).toBe('AHLI_PERTAMA');
    const entry = credit.entries.find((e: { source: string }) => e.source === 'PREDIKAT');
    expect(entry).toMatchObject({
      period: '2025',
      fromMonth: '2025-01',
      toMonth: '2025-12',
      months: 12,
      predicate: 'SANGAT_BAIK',
      amount: '18.750',
    });
    expect(entry.explanation.formula).toContain('12');
    expect(credit.next).toMatchObject({
      kind: 'KENAIKAN_PANGKAT',
      to: 'III/b',
      threshold: '50.000',
      shortfall: '31.250',
      eligible: false,
    });
    expect(credit.next.unmet).toContain('AK_SHORTFALL');

    const outcomes = await eventually(async () => {
      const r = await t.request('GET', `/api/v1/employees/${jf.nip}/outcomes`, { token: jf.token });
      return r.body.items?.some((o: { type: string }) => o.type === 'AK_CREDITED') ? r.body.items : null;
    });
    const credited = outcomes.filter((o: { type: string }) => o.type === 'AK_CREDITED');
    expect(credited).toHaveLength(1);
    expect(credited[0]).toMatchObject({
      status: 'ACTIVE',
      legalBasis: expect.any(String),
      reason: expect.stringContaining('18.750'),
    });

    // Replay the same fact (a second event for the same evaluation): nothing new.
    const before = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM outcomes o JOIN employees e ON e.id = o.employee_id WHERE e.nip = $1`,
      [jf.nip],
    );
    await t.dataSource.query(
      `INSERT INTO outbox (event_type, aggregate_type, aggregate_id, payload, correlation_id) VALUES ('EvaluationFinalized', 'Evaluation', $1, $2, 'replay')`,
      [evaluationId, JSON.stringify({ evaluationId, revision: 0 })],
    );
    await eventually(async () => {
      const rows = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM outbox WHERE correlation_id = 'replay' AND aggregate_id = $1 AND dispatched_at IS NOT NULL`,
        [evaluationId],
      );
      return rows[0].n === 1;
    });
    await eventually(async () => {
      const rows = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM job_receipts r JOIN outbox o ON r.job_id LIKE 'o' || o.id || '-%' WHERE o.correlation_id = 'replay' AND o.aggregate_id = $1
           AND r.job_name IN ('evaluation.credit-angka-kredit', 'evaluation.derive-outcomes')`,
        [evaluationId],
      );
      return rows[0].n === 2;
    });
    const after = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM outcomes o JOIN employees e ON e.id = o.employee_id WHERE e.nip = $1`,
      [jf.nip],
    );
    expect(after[0].n).toBe(before[0].n);
    const ledger = await t.dataSource.query(
      `SELECT l.version, l.balance::text FROM ak_ledgers l JOIN employees e ON e.id = l.employee_id WHERE e.nip = $1`,
      [jf.nip],
    );
    expect(ledger[0]).toEqual({ version: 1, balance: '18.750' });

    // The agency identity prints on the PAK: town after "Ditetapkan di", number from the agency's format, numbered tembusan.
    const admin = await t.adminToken();
    const profile = {
      name: 'Pemerintah Kabupaten Contoh',
      town: 'Contoh',
      letterhead: [
        'PEMERINTAH KABUPATEN CONTOH',
        'BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA',
        'Jalan Merdeka No. 1, Contoh',
      ],
      pakNumberFormat: '800/{seq}/BKPSDM/{year}',
      dekpNumberFormat: '800/{seq}/DEKP/{year}',
      officials: {},
      tembusan: ['Kepala Badan Kepegawaian Negara', 'Pimpinan Instansi Pengusul', 'Pejabat Penilai Kinerja'],
    };
    const agency = await t.request('PUT', '/api/v1/agency', { token: admin, body: profile });
    expect(agency.status).toBe(200);
    expect(agency.body).toMatchObject({ town: 'Contoh', configured: true });
    expect((await t.request('PUT', '/api/v1/agency', { token: jf.token, body: profile })).status).toBe(403);
    expect(
      (await t.request('PUT', '/api/v1/agency', { token: admin, body: { ...profile, pakNumberFormat: 'PAK/{year}' } }))
        .status,
    ).toBe(400);
    expect((await t.request('GET', '/api/v1/agency', { token: jf.token })).body).toMatchObject({
      name: 'Pemerintah Kabupaten Contoh',
      town: 'Contoh',
      pakNumberFormat: '800/{seq}/BKPSDM/{year}',
    });

    // Personal data the NIP does not carry, as kepegawaian records it (no effective date: corrected in place).
    const personal = await t.request('PATCH', `/api/v1/employees/${jf.nip}`, {
      token: admin,
      body: {
        birthPlace: 'Bandung',
        karpegNumber: 'N 123456',
        tmtPangkat: '2023-04-01',
        education: { level: 'S1', name: 'S1 Administrasi Publik' },
        masaKerjaGolongan: { years: 4, months: 6, asOf: '2025-01-01' },
      },
    });
    expect(personal.status).toBe(200);

    // The 2025 akumulasi (threshold not met) and the konversi sheet: Indonesian decimals, identity from the NIP, the reason that is unmet.
    const pak = await getBinary(t, `/api/v1/employees/${jf.nip}/credit/pak/2025.pdf`, jf.token);
    expect(pak.status).toBe(200);
    expect(pak.contentType).toBe('application/pdf');
    // `DOC_SAMPLES_DIR=… ./scripts/test angka-kredit-pipeline` keeps the PDF (docs/ shows its pages as PNG).
    if (process.env.DOC_SAMPLES_DIR) writeFileSync(`${process.env.DOC_SAMPLES_DIR}/pak-sample.pdf`, pak.body);
    const text = await pdfText(pak.body);
    expect(text).toContain('AKUMULASI ANGKA KREDIT');
    expect(text).toContain('KONVERSI PREDIKAT KINERJA KE ANGKA KREDIT');
    expect(text).not.toContain('PERNYATAAN');
    expect(text).toContain(`${jf.nip.slice(0, 8)} ${jf.nip.slice(8, 14)} ${jf.nip.slice(14, 15)} ${jf.nip.slice(15)}`);
    expect(text).toMatch(/NOMOR: 800\/\d+\/BKPSDM\/2025/);
    const number = text.match(/NOMOR: (800\/\d+\/BKPSDM\/2025)/)![1];
    expect(text).toContain('II. AKUMULASI ANGKA KREDIT');
    expect(text.replace(/\s+/g, ' ')).toContain('JUMLAH ANGKA KREDIT YANG DIPEROLEH');
    expect(text).toContain('18,750');
    expect(text).toContain('31,250');
    expect(text).not.toMatch(/\b18\.750\b/);
    expect(text).toContain('Jenis Kelamin');
    expect(text).toContain('Nomor Seri KARPEG');
    expect(text).toContain('N 123456');
    expect(text).toContain('Bandung, ');
    expect(text).toContain('/ 1 April 2023');
    expect(text).toContain('S1 Administrasi Publik');
    expect(text).toContain('4 tahun 6 bulan (per 1 Januari 2025)');
    expect(text).toMatch(/Ditetapkan di\s*:\s*Contoh/);
    expect(text).toMatch(
      /1\. Kepala Badan Kepegawaian Negara\s+2\. Pimpinan Instansi Pengusul\s+3\. Pejabat Penilai Kinerja/,
    );
    // The akumulasi form states what is missing; the DAPAT/TIDAK DAPAT conclusion belongs to the penetapan only.
    expect(text).toContain('Syarat yang belum terpenuhi');
    expect(text).not.toContain('DIPERTIMBANGKAN');
    expect(await layoutProblems(pak.body)).toEqual([]);
    expect(text).not.toMatch(/harus minimal Baik \(diberikan: (SANGAT_)?BAIK\)/);
    // Printed again: the same number (issued once per employee and year).
    expect(
      await pdfText((await getBinary(t, `/api/v1/employees/${jf.nip}/credit/pak/2025.pdf`, jf.token)).body),
    ).toContain(`NOMOR: ${number}`);
    expect((await getBinary(t, `/api/v1/employees/${jf.nip}/credit/pak/20x5.pdf`, jf.token)).status).toBe(404);
  }, 120000);

  it('lets an annual FINAL predicate supersede the periodic entries of its year, keeping the previous figures', async () => {
    const unitCode = await createUnit(t);
    const jf = await createEmployee(t, {
      unitCode,
      kind: 'FUNGSIONAL',
      jenjang: 'AHLI_PERTAMA',
      golongan: 'III/a',
      from: '2025-01-01',
    });
    await recordFinalEvaluation(t, jf.nip, '2025-Q1', 'BAIK');
    const q1 = await eventually(async () => {
      const r = await t.request('GET', `/api/v1/employees/${jf.nip}/credit`, { token: await t.adminToken() });
      return r.body.version === 1 ? r.body : null;
    });
    expect(q1.balance).toBe('3.125');
    await recordFinalEvaluation(t, jf.nip, '2025', 'SANGAT_BAIK');
    const year = await eventually(async () => {
      const r = await t.request('GET', `/api/v1/employees/${jf.nip}/credit`, { token: await t.adminToken() });
      return r.body.version === 2 ? r.body : null;
    });
    expect(year.balance).toBe('18.750');
    expect(year.superseded).toEqual([expect.objectContaining({ period: '2025-Q1', supersededBy: '2025' })]);
    const history = await t.dataSource.query(
      `SELECT h.version, h.balance::text FROM ak_ledger_history h JOIN employees e ON e.id = h.employee_id WHERE e.nip = $1 ORDER BY h.version`,
      [jf.nip],
    );
    expect(history).toEqual([
      { version: 1, balance: '3.125' },
      { version: 2, balance: '18.750' },
    ]);
  }, 120000);

  it('computes opening and education entries by the rules, once each, and refuses non-JF employees', async () => {
    const unitCode = await createUnit(t);
    const admin = await t.adminToken();
    const madya = await createEmployee(t, {
      unitCode,
      kind: 'FUNGSIONAL',
      jenjang: 'AHLI_MADYA',
      golongan: 'IV/b',
      kelasJabatan: 12,
      from: '2025-01-01',
    });
    const opening = await t.request('POST', `/api/v1/employees/${madya.nip}/credit/opening`, {
      token: admin,
      body: { kind: 'INTEGRASI', conventionalTotal: '550.630' },
    });
    expect(opening.status).toBe(201);
    expect(opening.body).toMatchObject({ source: 'INTEGRASI', amount: '150.630', manualReview: false });
    expect(
      (
        await t.request('POST', `/api/v1/employees/${madya.nip}/credit/opening`, {
          token: admin,
          body: { kind: 'AK_DASAR' },
        })
      ).status,
    ).toBe(409);
    const edu = await t.request('POST', `/api/v1/employees/${madya.nip}/credit/education`, {
      token: admin,
      body: { degree: 'S3', awardedOn: '2025-06-01' },
    });
    expect(edu.status).toBe(201);
    expect(edu.body.amount).toBe('37.500');
    expect(
      (
        await t.request('POST', `/api/v1/employees/${madya.nip}/credit/education`, {
          token: admin,
          body: { degree: 'S3', awardedOn: '2025-07-01' },
        })
      ).status,
    ).toBe(409);
    const credit = await t.request('GET', `/api/v1/employees/${madya.nip}/credit`, { token: admin });
    expect(credit.body.balance).toBe('188.130');
    expect(
      (
        await t.request('POST', `/api/v1/employees/${madya.nip}/credit/opening`, {
          token: admin,
          body: { kind: 'INTEGRASI', conventionalTotal: 'abc' },
        })
      ).status,
    ).toBe(400);
    // The employee cannot write their own entries; another employee cannot even see them.
    expect(
      (
        await t.request('POST', `/api/v1/employees/${madya.nip}/credit/education`, {
          token: madya.token,
          body: { degree: 'S2', awardedOn: '2025-06-01' },
        })
      ).status,
    ).toBe(403);
    const other = await createEmployee(t, { unitCode, kind: 'PELAKSANA', kelasJabatan: 5 });
    expect((await t.request('GET', `/api/v1/employees/${madya.nip}/credit`, { token: other.token })).status).toBe(404);
    expect((await t.request('GET', `/api/v1/employees/${other.nip}/credit`, { token: other.token })).status).toBe(409);
    expect((await t.request('GET', `/api/v1/employees/${madya.nip}/outcomes`, { token: other.token })).status).toBe(
      404,
    );
    const report = await t.request('GET', `/api/v1/outcomes?type=AK_CREDITED&limit=1`, { token: admin });
    expect(report.status).toBe(200);
    expect(report.body.items.length).toBeLessThanOrEqual(1);
    expect((await t.request('GET', `/api/v1/outcomes`, { token: other.token })).status).toBe(403);
  }, 120000);

  it('puts a job whose facts contradict the rules in the failed list without retrying it', async () => {
    const admin = await t.adminToken();
    const unitCode = await createUnit(t);
    const jf = await createEmployee(t, {
      unitCode,
      kind: 'FUNGSIONAL',
      jenjang: 'AHLI_PERTAMA',
      golongan: 'III/a',
      from: '2025-01-01',
    });
    // Jumping two jenjang at once is not a kenaikan jenjang the ledger accepts.
    const mut = await t.request('PATCH', `/api/v1/employees/${jf.nip}`, {
      token: admin,
      body: {
        effectiveFrom: '2025-07-01',
        golongan: 'IV/a',
        position: {
          title: 'Perawat Ahli Madya',
          kind: 'FUNGSIONAL',
          jenjang: 'AHLI_MADYA',
          kelasJabatan: 12,
          tmt: '2025-07-01',
        },
      },
    });
    expect(mut.status).toBe(200);
    const evaluationId = await recordFinalEvaluation(t, jf.nip, '2025', 'BAIK');
    const failed = await eventually(async () => {
      const r = await t.request('GET', '/api/v1/jobs/failed?queue=pipeline', { token: admin });
      return (
        r.body.items.find((j: { data: { evaluationId?: string } }) => j.data.evaluationId === evaluationId) ?? null
      );
    });
    expect(failed).toMatchObject({ queue: 'pipeline', name: 'evaluation.credit-angka-kredit', attemptsMade: 1 });
    expect(failed.failedReason).toMatch(/Angka kredit tidak dapat dihitung/);
    expect((await t.request('GET', '/api/v1/jobs/failed', { token: jf.token })).status).toBe(403);
  }, 120000);
});
