import { eventually } from '../support/eventually';
import { getBinary } from '../support/evaluation-fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { finalAnnuals, jfUnit, pnsIdOf } from '../support/siasn-fixtures';

jest.setTimeout(240_000);

/** Identity mapping, gaps report and the ready payloads (spec 04 §8.2, §8.5) through HTTP and the worker. */
describe('SIASN read side', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ worker: true });
  });
  afterAll(async () => {
    t?.clock.reset();
    await t?.close();
  });

  it('maps identities, reports gaps, and serves skp22 and angka kredit bodies (JSON, CSV, XLSX) to ADMIN and siasn:read keys only', async () => {
    const { org, cases } = await jfUnit(t, [
      ['DI_ATAS_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI'],
      ['SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI'],
    ]);
    const [a, b] = cases.map((c) => c.person);
    const admin = await t.adminToken();
    await finalAnnuals(t, org, cases);

    // Before any mapping: both rows NOT_READY, with the reason, never silently left out.
    const before = await t.request('GET', `/api/v1/siasn/skp22?year=2026&unitCode=${org.unitCode}`, { token: admin });
    expect(before.status).toBe(200);
    expect(before.body.items).toHaveLength(2);
    for (const item of before.body.items)
      expect(item).toMatchObject({
        status: 'NOT_READY',
        payload: null,
        problems: [expect.objectContaining({ code: 'SIASN_ID_MISSING' })],
      });

    // Gaps: both JF lack the SIASN id and the riwayat-jabatan id.
    const gaps = await t.request('GET', `/api/v1/siasn/identities/gaps?unitCode=${org.unitCode}&on=2026-06-30`, {
      token: admin,
    });
    expect(gaps.status).toBe(200);
    expect(
      gaps.body.gaps
        .filter((g: { nip: string }) => g.nip === a.nip)
        .map((g: { code: string }) => g.code)
        .sort(),
    ).toEqual(['RW_JABATAN_MISSING', 'SIASN_ID_MISSING']);

    // A bad CSV row refuses the whole file.
    const bad = await t.request('POST', '/api/v1/siasn/identities', {
      token: admin,
      contentType: 'text/csv',
      raw: `nip,siasnPnsId\n${a.nip},${pnsIdOf(a.nip)}\n199999999999999999,X1\n`,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([{ field: '199999999999999999', problem: 'no employee with this NIP' }]);
    const csv = `nip,siasnPnsId,tmtJabatan,rwJabatanId\n${a.nip},${pnsIdOf(a.nip)},2025-01-01,RW-${a.nip}\n${b.nip},${pnsIdOf(b.nip)},,\n`;
    const imported = await t.request('POST', '/api/v1/siasn/identities', {
      token: admin,
      contentType: 'text/csv',
      raw: csv,
    });
    expect(imported.status).toBe(200);
    expect(imported.body).toEqual({ identities: 2, rwJabatan: 1 });

    const page = await t.request('GET', `/api/v1/siasn/skp22?year=2026&nip=${a.nip}`, { token: admin });
    expect(page.body.items).toEqual([
      {
        nip: a.nip,
        naturalKey: `SKP22:${pnsIdOf(a.nip)}:2026`,
        status: 'READY',
        siasnId: null,
        sourceRef: expect.stringMatching(/^evaluation:/),
        problems: [],
        payload: {
          tahun: 2026,
          hasilKinerjaNilai: 1,
          perilakuKerjaNilai: 3,
          // The matrix gives KURANG (4), not max(1, 3) = 3 (spec 04 §8.3 known client bug).
          kuadranKinerjaNilai: 4,
          penilaiNama: expect.any(String),
          penilaiNipNrp: org.ppk.nip,
          penilaiGolongan: '34',
          penilaiJabatan: 'Kepala Seksi Rujukan',
          penilaiUnorNama: expect.any(String),
          statusPenilai: 'ASN',
          pnsDinilaiOrang: pnsIdOf(a.nip),
          path: [],
        },
      },
    ]);
    expect(page.body.nextCursor).toBeNull();

    // Cursor pages: one item each, then the end.
    const p1 = await t.request('GET', `/api/v1/siasn/skp22?year=2026&unitCode=${org.unitCode}&limit=1`, {
      token: admin,
    });
    const p2 = await t.request(
      'GET',
      `/api/v1/siasn/skp22?year=2026&unitCode=${org.unitCode}&limit=1&after=${p1.body.nextCursor}`,
      {
        token: admin,
      },
    );
    expect([...p1.body.items, ...p2.body.items].map((i: { nip: string }) => i.nip).sort()).toEqual(
      [a.nip, b.nip].sort(),
    );
    const p3 = await t.request(
      'GET',
      `/api/v1/siasn/skp22?year=2026&unitCode=${org.unitCode}&limit=1&after=${p2.body.nextCursor}`,
      {
        token: admin,
      },
    );
    expect(p3.body.items).toHaveLength(0);

    // Bad input is a 400 in the contract's shape.
    const badYear = await t.request('GET', '/api/v1/siasn/skp22?year=20x6', { token: admin });
    expect(badYear.status).toBe(400);
    expect(badYear.body.details).toEqual([{ field: 'year', problem: 'must be a year, e.g. 2026' }]);

    // Angka kredit: the konversi entry waits for the PAK number, then is ready.
    await eventually(async () => {
      const r = await t.request('GET', `/api/v1/siasn/angka-kredit?year=2026&nip=${a.nip}`, { token: admin });
      return r.body.items?.length === 1 ? r.body : null;
    });
    const waiting = await t.request('GET', `/api/v1/siasn/angka-kredit?year=2026&nip=${a.nip}`, { token: admin });
    expect(waiting.body.items[0]).toMatchObject({
      status: 'NOT_READY',
      problems: [expect.objectContaining({ code: 'PAK_NOT_ISSUED' })],
    });
    const pak = await getBinary(t, `/api/v1/employees/${a.nip}/credit/pak/2026.pdf`, admin);
    expect(pak.status).toBe(200);
    const ak = await t.request('GET', `/api/v1/siasn/angka-kredit?year=2026&nip=${a.nip}`, { token: admin });
    expect(ak.body.items[0]).toMatchObject({
      // READY, or PENDING once the worker has already queued it for SIASN on the PakIssued event (a race).
      status: expect.stringMatching(/^(READY|PENDING)$/),
      naturalKey: `ANGKA_KREDIT:${pnsIdOf(a.nip)}:2026-1:2026-12:KONVERSI`,
      payload: {
        pnsId: pnsIdOf(a.nip),
        rwJabatanId: `RW-${a.nip}`,
        nomorSk: expect.any(String),
        tanggalSk: expect.stringMatching(/^\d{2}-\d{2}-\d{4}$/),
        bulanMulaiPenailan: '1',
        tahunMulaiPenailan: '2026',
        bulanSelesaiPenailan: '12',
        tahunSelesaiPenailan: '2026',
        kreditBaruTotal: expect.stringMatching(/^\d+\.\d{3}$/),
        kreditUtamaBaru: '0',
        kreditPenunjangBaru: '0',
        isKonversi: '1',
        isIntegrasi: '0',
        isAngkaKreditPertama: '0',
        path: [],
      },
    });

    // Files: CSV with NIP kept as text; XLSX a zip.
    const file = await t.request('GET', `/api/v1/siasn/skp22.csv?year=2026&unitCode=${org.unitCode}`, { token: admin });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(file.text).toContain(`"=""${a.nip}"""`);
    expect(file.text.split('\n')[0]).toContain('kuadranKinerjaNilai');
    const xlsx = await getBinary(t, `/api/v1/siasn/skp22.xlsx?year=2026&unitCode=${org.unitCode}`, admin);
    expect(xlsx.status).toBe(200);
    expect(xlsx.body.subarray(0, 2).toString()).toBe('PK');
    const badFile = await t.request('GET', '/api/v1/siasn/skp22.csv?year=nope', { token: admin });
    expect(badFile.status).toBe(400);

    // Who may read: ADMIN and siasn:read keys; an employee gets 404, another key scope 403.
    expect((await t.request('GET', '/api/v1/siasn/skp22?year=2026', { token: a.token })).status).toBe(404);
    const key = await t.request('POST', '/api/v1/api-keys', {
      token: admin,
      body: { name: 'siasn', scopes: ['siasn:read'] },
    });
    const viaKey = await t.request('GET', `/api/v1/siasn/skp22?year=2026&nip=${a.nip}`, { apiKey: key.body.key });
    expect(viaKey.status).toBe(200);
    expect(viaKey.body.items[0].payload.kuadranKinerjaNilai).toBe(4);
    const payrollKey = await t.request('POST', '/api/v1/api-keys', {
      token: admin,
      body: { name: 'p', scopes: ['payroll:read'] },
    });
    expect((await t.request('GET', '/api/v1/siasn/skp22?year=2026', { apiKey: payrollKey.body.key })).status).toBe(403);
  });
});
