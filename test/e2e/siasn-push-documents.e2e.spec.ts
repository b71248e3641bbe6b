import { FAKE_SIASN_PORT } from '../support/siasn-push-env';
import { eventually } from '../support/eventually';
import {
  evalPath,
  getBinary,
  pdfText,
  putRealizations,
  rate,
  setPerformance,
  setToday,
  type EvalOrg,
} from '../support/evaluation-fixtures';
import { FakeSiasn, startFakeSiasn } from '../support/siasn-fake';
import { finalAnnuals, jfUnit, pnsIdOf, type JfCase } from '../support/siasn-fixtures';
import { createTestApp, TestApp } from '../support/test-app';

jest.setTimeout(300_000);

interface Row {
  id: string;
  nip: string;
  kind: string;
  state: string;
  siasnId: string | null;
  attempts: number;
  payload: Record<string, unknown>;
}

/** The document uploads of the SIASN push (spec 04 §8.3) through the real worker against the fake SIASN. */
describe('SIASN push: documents', () => {
  let t: TestApp;
  let fake: FakeSiasn;
  let admin: string;
  let org: EvalOrg;
  let a: JfCase;

  const rows = async (kind: string, nip: string): Promise<Row[]> =>
    (
      (await t.request('GET', `/api/v1/siasn/outbox?limit=500&kind=${kind}`, { token: admin })).body.items as Row[]
    ).filter((r) => r.nip === nip && r.state !== 'SUPERSEDED');
  const settled = (kind: string, nip: string) =>
    eventually(
      async () => {
        const rs = await rows(kind, nip);
        return rs.length && rs.every((r) => ['SENT', 'FAILED', 'DEAD'].includes(r.state)) ? rs : null;
      },
      60_000,
      100,
    ).catch(async (err: Error) => {
      const tries = await t.dataSource.query(
        `SELECT outbox_id, attempt, step, http_status, outcome FROM siasn_attempts`,
      );
      throw new Error(`${err.message}: ${JSON.stringify({ tries, fake: fake.requests.map((q) => q.path) })}`);
    });
  const steps = (outboxId: string) =>
    t.dataSource.query(
      `SELECT attempt, step, http_status AS "httpStatus", outcome FROM siasn_attempts WHERE outbox_id = $1 ORDER BY id`,
      [outboxId],
    );
  const apiIndex = (method: string, path: string) =>
    fake.requests.findIndex((r) => r.method === method && r.path === `/apisiasn/1.0${path}`);

  beforeAll(async () => {
    fake = await startFakeSiasn(FAKE_SIASN_PORT);
    t = await createTestApp({ worker: true });
    admin = await t.adminToken();
    let cases: JfCase[];
    ({ org, cases } = await jfUnit(t, [['SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI']]));
    a = cases[0];
    const nip = a.person.nip;
    fake.store.addPerson(nip, pnsIdOf(nip), [
      { id: `RW-${nip}`, tmtJabatan: '2025-01-01', namaJabatan: 'Perawat Ahli Pertama' },
    ]);
    const mapped = await t.request('POST', '/api/v1/siasn/identities', {
      token: admin,
      body: [{ nip, siasnPnsId: pnsIdOf(nip), tmtJabatan: '2025-01-01', rwJabatanId: `RW-${nip}` }],
    });
    expect(mapped.status).toBe(200);
  });

  afterAll(async () => {
    t?.clock.reset();
    await t?.close();
    await fake?.close();
  });

  it('kinerja periodik: uploads the DEKP with upload-dok first and saves with its path', async () => {
    // A FINAL 2026-Q1 evaluation (rated once its last month has begun).
    setToday(t, '2026-03-20');
    expect((await putRealizations(t, a.person, a.skp, '2026-Q1')).status).toBe(200);
    expect((await rate(t, org.ppk, a.skp, '2026-Q1', a.resultRating, a.behaviorRating)).status).toBe(200);
    expect((await setPerformance(t, org.leader.token, org.unitCode, '2026-Q1', 'BAIK')).status).toBe(200);
    const fin = await t.request('POST', `${evalPath(a.skp.id, '2026-Q1')}/finalize`, {
      token: org.ppk.token,
      body: { justification: 'Sebaran sesuai capaian unit' },
    });
    expect(fin.status).toBe(200);
    const acc = await t.request('POST', `${evalPath(a.skp.id, '2026-Q1')}/accept`, { token: a.person.token });
    expect(acc.body.status).toBe('FINAL');

    const [row] = await settled('KINERJA_PERIODIK', a.person.nip);
    expect(row.state).toBe('SENT');
    const uploads = fake.uploads.filter((u) => u.endpoint === '/upload-dok');
    expect(uploads).toHaveLength(1);
    expect(uploads[0]).toMatchObject({ idRefDokumen: '890', idRiwayat: null, contentType: 'application/pdf' });
    expect(uploads[0].data.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await pdfText(uploads[0].data)).toContain('DOKUMEN EVALUASI KINERJA PEGAWAI');
    // The upload came before the save, and the save carried the path object SIASN answered.
    expect(apiIndex('POST', '/upload-dok')).toBeGreaterThanOrEqual(0);
    expect(apiIndex('POST', '/upload-dok')).toBeLessThan(apiIndex('POST', '/kinerjaperiodik/save'));
    const held = fake.store.list('kinerjaperiodik', a.person.nip);
    expect(held).toHaveLength(1);
    expect(held[0].body).toEqual({ ...row.payload, path: [uploads[0].path] });
    expect(row.payload.path).toEqual([]);
    expect((await steps(row.id)).map((s: { step: string }) => s.step)).toEqual(['READ', 'UPLOAD', 'SAVE']);
  });

  it('skp22: saves once and attaches the DEKP once with upload-dok-rw, through two failed uploads', async () => {
    fake.failNext('/upload-dok-rw', { status: 503 }, { status: 502 });
    await finalAnnuals(t, org, [a]);
    const [row] = await settled('SKP22', a.person.nip);
    expect(row).toMatchObject({ state: 'SENT', attempts: 3 });
    const held = fake.store.list('skp22', a.person.nip);
    expect(held).toHaveLength(1);
    expect(row.siasnId).toBe(held[0].id);
    expect(fake.calls('POST', '/skp22/save')).toHaveLength(1);
    expect(fake.calls('POST', '/upload-dok-rw')).toHaveLength(3);
    // Exactly one document arrived, for the riwayat id the save answered, with the skp22 reference.
    const uploads = fake.uploads.filter((u) => u.endpoint === '/upload-dok-rw');
    expect(uploads).toHaveLength(1);
    expect(uploads[0]).toMatchObject({ idRiwayat: held[0].id, idRefDokumen: '891', contentType: 'application/pdf' });
    expect(uploads[0].data.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(uploads[0].data);
    expect(text).toContain('DOKUMEN EVALUASI KINERJA PEGAWAI');
    expect(text).toContain('Evaluasi Kinerja Tahunan 2026');
    expect(held[0].documents).toEqual([{ idRefDokumen: '891', size: uploads[0].size, sha256: uploads[0].sha256 }]);
    // The retries read SIASN back, find the row saved and upload only the document.
    expect(await steps(row.id)).toEqual([
      { attempt: 1, step: 'READ', httpStatus: 200, outcome: 'OK' },
      { attempt: 1, step: 'SAVE', httpStatus: 200, outcome: 'OK' },
      { attempt: 1, step: 'UPLOAD', httpStatus: 503, outcome: 'RETRY' },
      { attempt: 2, step: 'READ', httpStatus: 200, outcome: 'OK' },
      { attempt: 2, step: 'UPLOAD', httpStatus: 502, outcome: 'RETRY' },
      { attempt: 3, step: 'READ', httpStatus: 200, outcome: 'OK' },
      { attempt: 3, step: 'UPLOAD', httpStatus: 200, outcome: 'OK' },
    ]);
    const [doc] = await t.dataSource.query(`SELECT document FROM siasn_outbox WHERE id = $1`, [row.id]);
    expect(doc.document).toMatchObject({ ref: '891', idRiwayat: held[0].id, sha256: uploads[0].sha256 });
  });

  it('angka kredit: attaches the issued PAK (ref 879) to each saved entry; rendering it issues nothing', async () => {
    const nip = a.person.nip;
    await eventually(async () => {
      const r = await t.request('GET', `/api/v1/siasn/angka-kredit?year=2026&nip=${nip}`, { token: admin });
      return r.body.items?.length ? true : null;
    });
    expect((await getBinary(t, `/api/v1/employees/${nip}/credit/pak/2026.pdf`, admin)).status).toBe(200);
    const numbers = () =>
      t.dataSource.query(`SELECT number FROM agency_document_numbers WHERE kind = 'PAK' AND subject = $1`, [nip]);
    const issued = await numbers();
    expect(issued).toHaveLength(1);
    const sent = await settled('ANGKA_KREDIT', nip);
    const held = fake.store.list('angkakredit', nip);
    expect(sent.length).toBeGreaterThanOrEqual(1);
    expect(held).toHaveLength(sent.length);
    for (const row of sent) {
      expect(row.state).toBe('SENT');
      expect(row.payload.nomorSk).toBe(issued[0].number);
      const mine = fake.uploads.filter((u) => u.idRiwayat === row.siasnId);
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({
        endpoint: '/upload-dok-rw',
        idRefDokumen: '879',
        contentType: 'application/pdf',
      });
      expect(mine[0].data.subarray(0, 5).toString()).toBe('%PDF-');
      const text = await pdfText(mine[0].data);
      expect(text).toContain('KONVERSI PREDIKAT KINERJA KE ANGKA KREDIT');
      expect(text).toContain(issued[0].number);
      expect((await steps(row.id)).map((s: { step: string }) => s.step)).toEqual(['READ', 'SAVE', 'UPLOAD']);
    }
    // Rendering the PAK for SIASN issued no other number (of any kind or year) for this person.
    expect(await numbers()).toEqual(issued);
    expect(
      await t.dataSource.query(`SELECT count(*)::int AS n FROM agency_document_numbers WHERE subject = $1`, [nip]),
    ).toEqual([{ n: 1 }]);
  });
});
