import { evalPath, rate, setToday } from '../support/evaluation-fixtures';
import { approvedSkp, createChain, skpBody } from '../support/org-skp-fixtures';
import { createTestApp, TestApp } from '../support/test-app';

describe('period guards: rating before the period ends, SKP approval without the PPK’s SKP', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.adminToken();
  });
  afterEach(() => t.clock.reset());
  afterAll(async () => {
    await t.close();
  });

  it('refuses (409) rating or finalising a period before its last month has begun (evaluation.rateBeforePeriodEnd off)', async () => {
    setToday(t, '2026-01-05');
    const c = await createChain(t);
    const skp = await approvedSkp(t, c.staff, c.ppk, skpBody(2026));

    setToday(t, '2026-06-15');
    const early = await rate(t, c.ppk, skp, '2026', 'SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI');
    expect(early.status).toBe(409);
    expect(early.body.message).toContain('1 Desember 2026');
    expect(early.body.details).toEqual([
      { field: 'period', problem: 'ratable from 2026-12-01 (evaluation.rateBeforePeriodEnd is off)' },
    ]);
    expect(
      (await t.dataSource.query(`SELECT count(*)::int AS n FROM evaluations WHERE skp_id = $1`, [skp.id]))[0].n,
    ).toBe(0);
    // The quarter whose last month has begun is rated normally.
    const q2 = await rate(t, c.ppk, skp, '2026-Q2', 'SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI');
    expect(q2.status).toBe(200);
    expect(q2.body.status).toBe('RATED');
    // A period in its last month can be rated: the annual one from 1 December.
    setToday(t, '2026-12-01');
    expect((await rate(t, c.ppk, skp, '2026', 'SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI')).status).toBe(200);

    // Finalising is guarded the same way, for the PPK and for the ADMIN's batch.
    setToday(t, '2026-11-30');
    const fin = await t.request('POST', `${evalPath(skp.id, '2026')}/finalize`, {
      token: c.ppk.token,
      body: { justification: 'Satu-satunya pegawai yang dinilai' },
    });
    expect(fin.status).toBe(409);
    expect(fin.body.details[0].field).toBe('period');
    const batch = await t.request('POST', '/api/v1/evaluations/finalize-batch', {
      token: admin,
      body: { period: '2026', unitCode: c.unitCode, justification: 'Akhir tahun' },
    });
    expect(batch.status).toBe(409);
    expect(
      (await t.dataSource.query(`SELECT status FROM evaluations WHERE skp_id = $1 AND period = '2026'`, [skp.id]))[0]
        .status,
    ).toBe('RATED');
    setToday(t, '2026-12-01');
    const ok = await t.request('POST', `${evalPath(skp.id, '2026')}/finalize`, {
      token: c.ppk.token,
      body: { justification: 'Satu-satunya pegawai yang dinilai' },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('ISSUED');
  });

  it('approves an SKP whose PPK has no approved SKP with an UNLINKED_RESULTS warning listed in the gaps; refuses it once the PPK’s SKP is approved', async () => {
    const c = await createChain(t);
    const approved = await approvedSkp(t, c.staff, c.ppk, skpBody(2026));
    expect(approved.status).toBe('APPROVED');
    expect(approved.warnings).toEqual([
      { code: 'UNLINKED_RESULTS', message: expect.stringContaining('1 RHK UTAMA belum mengintervensi') },
    ]);
    expect(approved.history.at(-1)).toMatchObject({ action: 'APPROVE', reason: expect.stringContaining('UTAMA') });

    const gaps = await t.request('GET', `/api/v1/units/${c.unitCode}/gaps?year=2026&on=2026-06-30`, { token: admin });
    expect(gaps.status).toBe(200);
    const staff = gaps.body.items.find((i: { nip: string }) => i.nip === c.staff.nip);
    expect(staff).toMatchObject({
      skpStatus: 'APPROVED',
      reasons: [{ code: 'UNLINKED_RESULTS', message: expect.stringContaining('1 RHK UTAMA') }],
    });

    // The JF submits while the PPK has no approved SKP; the PPK's own SKP is approved before he approves the JF's.
    const jfSkp = await t.request('POST', '/api/v1/skp', { token: c.jf.token, body: skpBody(2026) });
    expect((await t.request('POST', `/api/v1/skp/${jfSkp.body.id}/submit`, { token: c.jf.token })).status).toBe(200);
    const ppkSkp = await approvedSkp(t, c.ppk, c.admin, skpBody(2026));
    expect(ppkSkp.status).toBe('APPROVED');
    const refused = await t.request('POST', `/api/v1/skp/${jfSkp.body.id}/approve`, { token: c.ppk.token });
    expect(refused.status).toBe(422);
    expect(refused.body.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'results[0].parentResultId' })]),
    );
  });
});
