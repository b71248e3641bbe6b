import { createEvalOrg, evalPath, putRealizations, setToday } from '../support/evaluation-fixtures';
import { approvedSkp, skpBody } from '../support/org-skp-fixtures';
import { createTestApp, TestApp } from '../support/test-app';

jest.setTimeout(180_000);

/** Spec 04 §2: rencana aksi with progress and bukti dukung, the feedback log on the form, the org suggestion. */
describe('rencana aksi, umpan balik berkelanjutan and the periodic organisation suggestion', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    t?.clock.reset();
    await t?.close();
  });

  it('the unit head’s rencana aksi and progress give the suggestion; the PPK’s latest feedback shows on the evaluation', async () => {
    setToday(t, '2026-01-06');
    const org = await createEvalOrg(t, 1);
    const [staff] = org.staff;
    const headSkp = await approvedSkp(t, org.head, org.leader, skpBody(2026));
    const staffSkp = await approvedSkp(t, staff, org.ppk, skpBody(2026));
    const rhk = headSkp.results[0].id as string;
    const plansPath = `/api/v1/skp/${headSkp.id}/action-plans`;

    setToday(t, '2026-04-06');
    expect((await t.request('PUT', `${plansPath}/2026`, { token: org.head.token, body: { items: [] } })).status).toBe(
      400,
    );
    const put = await t.request('PUT', `${plansPath}/2026-Q2`, {
      token: org.head.token,
      body: {
        items: [
          { resultId: rhk, text: 'Kunjungan rujukan balik ke puskesmas', target: 10, unit: 'kunjungan' },
          { resultId: rhk, text: 'Rapat koordinasi rujukan', target: 5, unit: 'rapat' },
          { resultId: rhk, text: 'Laporan evaluasi rujukan', target: 4, unit: 'laporan' },
        ],
      },
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ granularity: 'QUARTER', period: '2026-Q2' });
    const [a, b, c] = put.body.items as { id: string; status: string }[];
    expect(put.body.items.map((x: { status: string }) => x.status)).toEqual(['DRAFT', 'DRAFT', 'DRAFT']);
    expect((await t.request('POST', `${plansPath}/2026-Q2/agree`, { token: org.head.token })).status).toBe(403);
    const agreed = await t.request('POST', `${plansPath}/2026-Q2/agree`, { token: org.leader.token });
    expect(agreed.body.items.map((x: { status: string }) => x.status)).toEqual(['AGREED', 'AGREED', 'AGREED']);
    expect(
      (await t.request('PUT', `${plansPath}/2026-Q2`, { token: org.head.token, body: { items: [] } })).status,
    ).toBe(409);

    const progress = (planId: string, realisasi: number, evidenceUrl = 'https://bukti.example.go.id/foto.jpg') =>
      t.request('POST', `${plansPath}/2026-Q2/${planId}/progress`, {
        token: org.head.token,
        body: {
          date: '2026-04-14',
          start: '08:00',
          end: '11:00',
          activity: 'Pelaksanaan kegiatan',
          realisasi,
          unit: 'kali',
          evidenceUrl,
        },
      });
    expect((await progress(a.id, 1, 'http://bukti.example.go.id/foto.jpg')).status).toBe(400);
    expect((await progress(a.id, 7)).status).toBe(201);
    const a2 = await progress(a.id, 5);
    expect(a2.body).toMatchObject({ realisasi: 12, progressTotal: 12, realisasiOverridden: false });
    expect(a2.body.progress).toHaveLength(2);
    expect((await progress(b.id, 6)).status).toBe(201);
    expect((await progress(c.id, 3)).status).toBe(201);
    // The employee's own figure needs a reason; it is audited.
    const noReason = await t.request('PATCH', `${plansPath}/2026-Q2/${c.id}`, {
      token: org.head.token,
      body: { realisasi: 4 },
    });
    expect(noReason.status).toBe(400);
    const override = await t.request('PATCH', `${plansPath}/2026-Q2/${c.id}`, {
      token: org.head.token,
      body: {
        realisasi: 4,
        reason: 'Laporan keempat diserahkan tanpa entri progres',
        evidenceUrls: ['https://bukti.example.go.id/laporan-4.pdf'],
      },
    });
    expect(override.body).toMatchObject({ realisasi: 4, progressTotal: 3, realisasiOverridden: true });

    // 12/10, 6/5, 4/4: all met, most exceeded → ISTIMEWA (a suggestion; the predicate is still unset).
    const sugPath = `/api/v1/units/${org.unitCode}/performance/2026-Q2/suggestion`;
    const sug = await t.request('GET', sugPath, { token: org.leader.token });
    expect(sug.status).toBe(200);
    expect(sug.body).toMatchObject({
      suggestion: 'ISTIMEWA',
      current: null,
      headNip: org.head.nip,
      counts: { n: 3, met: 3, exceeded: 2, none: 0 },
      warnings: [],
    });
    expect(sug.body.explanation.ruleId).toBe('org.periodicSuggestion');
    expect((await t.request('GET', sugPath, { token: staff.token })).status).toBe(403);
    const q3 = await t.request('GET', `/api/v1/units/${org.unitCode}/performance/2026-Q3/suggestion`, {
      token: org.leader.token,
    });
    expect(q3.body).toMatchObject({ suggestion: null, warnings: [{ code: 'NO_ACTION_PLANS' }] });

    // Feedback during the period: the PPK writes, the employee cannot; the log keeps every entry.
    const fbPath = `/api/v1/skp/${staffSkp.id}/feedback`;
    const staffRhk = staffSkp.results[0].id as string;
    const write = (token: string, body: Record<string, unknown>) => t.request('POST', fbPath, { token, body });
    expect(
      (await write(staff.token, { period: '2026-Q2', resultId: staffRhk, text: 'Catatan diri sendiri' })).status,
    ).toBe(403);
    expect(
      (
        await write(org.ppk.token, {
          period: '2026-Q2',
          resultId: staffRhk,
          text: 'Awal triwulan: jadwal belum lengkap',
        })
      ).status,
    ).toBe(201);
    expect(
      (await write(org.ppk.token, { period: '2026-Q2', resultId: staffRhk, text: 'Jadwal sudah lengkap, pertahankan' }))
        .status,
    ).toBe(201);
    expect(
      (await write(org.ppk.token, { period: '2026-Q2', coreValue: 'AKUNTABEL', text: 'Laporan tepat waktu' })).status,
    ).toBe(201);
    expect(
      (
        await write(org.ppk.token, {
          period: '2026-Q2',
          resultId: staffRhk,
          coreValue: 'AKUNTABEL',
          text: 'Dua sasaran',
        })
      ).status,
    ).toBe(400);
    const log = await t.request('GET', `${fbPath}?period=2026-Q2`, { token: staff.token });
    expect(log.body.items.map((f: { text: string; authorRole: string }) => [f.text, f.authorRole])).toEqual([
      ['Awal triwulan: jadwal belum lengkap', 'PPK'],
      ['Jadwal sudah lengkap, pertahankan', 'PPK'],
      ['Laporan tepat waktu', 'PPK'],
    ]);

    // The rating gives no feedback text: the form shows the latest log entry per RHK and core value.
    setToday(t, '2026-06-03');
    expect((await putRealizations(t, staff, staffSkp, '2026-Q2')).status).toBe(200);
    const rated = await t.request('PUT', `${evalPath(staffSkp.id, '2026-Q2')}/rating`, {
      token: org.ppk.token,
      body: { resultRating: 'SESUAI_EKSPEKTASI', behaviorRating: 'SESUAI_EKSPEKTASI' },
    });
    expect(rated.status).toBe(200);
    const view = await t.request('GET', evalPath(staffSkp.id, '2026-Q2'), { token: staff.token });
    expect(view.body.results[0].feedback).toBe('Jadwal sudah lengkap, pertahankan');
    expect(view.body.behaviors.find((x: { coreValue: string }) => x.coreValue === 'AKUNTABEL').feedback).toBe(
      'Laporan tepat waktu',
    );
  });
});
