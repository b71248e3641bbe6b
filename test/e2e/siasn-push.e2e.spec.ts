import { FAKE_SIASN_PORT } from '../support/siasn-push-env';
import { eventually } from '../support/eventually';
import { getBinary, type Rating } from '../support/evaluation-fixtures';
import { FakeSiasn, startFakeSiasn } from '../support/siasn-fake';
import { finalAnnuals, jfUnit, pnsIdOf, type JfCase } from '../support/siasn-fixtures';
import type { EvalOrg } from '../support/evaluation-fixtures';
import { createTestApp, TestApp } from '../support/test-app';

jest.setTimeout(300_000);

const R: Rating[] = ['DI_ATAS_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI'];
// Spec 01 §8 matrix → SIASN kuadranNilai (04 §8.3): [hasil][perilaku].
const KUADRAN = [
  [1, 2, 4],
  [2, 2, 4],
  [3, 3, 5],
];
const PAIRS: [Rating, Rating][] = R.flatMap((h) => R.map((p) => [h, p] as [Rating, Rating]));

interface Row {
  id: string;
  nip: string;
  kind: string;
  state: string;
  siasnId: string | null;
  lastError: string | null;
  attempts: number;
  naturalKey: string;
}

/** The SIASN push (spec 04 §8.5) through HTTP and the real worker against the fake SIASN. */
describe('SIASN push', () => {
  let t: TestApp;
  let fake: FakeSiasn;
  let admin: string;
  let org: EvalOrg;
  let cases: JfCase[];

  const rowsOf = async (q: string): Promise<Row[]> =>
    (await t.request('GET', `/api/v1/siasn/outbox?limit=500&${q}`, { token: admin })).body.items;
  const rowFor = async (nip: string, kind: string): Promise<Row | undefined> =>
    (await rowsOf(`kind=${kind}`)).find((r) => r.nip === nip && r.state !== 'SUPERSEDED');
  const settled = (nip: string, kind: string, states: string[]) =>
    eventually(
      async () => {
        const r = await rowFor(nip, kind);
        return r && states.includes(r.state) ? r : null;
      },
      30_000,
      100,
    ).catch(async (err: Error) => {
      // What the outbox, the attempts and SIASN saw: the reason a row did not settle.
      const rows = await t.dataSource.query(`SELECT id, kind, nip, state, attempts, last_error FROM siasn_outbox`);
      const tries = await t.dataSource.query(
        `SELECT outbox_id, attempt, step, http_status, outcome FROM siasn_attempts`,
      );
      const failed = (await t.request('GET', '/api/v1/jobs/failed', { token: admin })).body;
      throw new Error(
        `${err.message}: ${JSON.stringify({ rows, tries, failed, fake: fake.requests.map((q) => q.path) })}`,
      );
    });
  const tokenCalls = () => fake.requests.filter((r) => r.path === '/oauth2/token').length;

  beforeAll(async () => {
    fake = await startFakeSiasn(FAKE_SIASN_PORT);
    t = await createTestApp({ worker: true });
    admin = await t.adminToken();
    ({ org, cases } = await jfUnit(t, PAIRS));
    for (const c of cases)
      fake.store.addPerson(c.person.nip, pnsIdOf(c.person.nip), [
        { id: `RW-${c.person.nip}`, tmtJabatan: '2025-01-01', namaJabatan: 'Perawat Ahli Pertama' },
      ]);
    const mapped = await t.request('POST', '/api/v1/siasn/identities', {
      token: admin,
      body: cases.map((c) => ({
        nip: c.person.nip,
        siasnPnsId: pnsIdOf(c.person.nip),
        tmtJabatan: '2025-01-01',
        rwJabatanId: `RW-${c.person.nip}`,
      })),
    });
    expect(mapped.status).toBe(200);
  });

  afterAll(async () => {
    t?.clock.reset();
    await t?.close();
    await fake?.close();
  });

  it('sends every FINAL annual evaluation once with the §8.2 body (all nine matrix cells), through an outage', async () => {
    // SIASN answers 503, 503, 429 to the first saves: those rows wait and are tried again.
    fake.failNext('/skp22/save', { status: 503 }, { status: 503 }, { status: 429 });
    await finalAnnuals(t, org, cases);
    for (const c of cases) await settled(c.person.nip, 'SKP22', ['SENT', 'FAILED', 'DEAD']);

    for (const [i, c] of cases.entries()) {
      const row = (await rowFor(c.person.nip, 'SKP22'))!;
      expect(row.state).toBe('SENT');
      const held = fake.store.list('skp22', c.person.nip);
      expect(held).toHaveLength(1);
      expect(row.siasnId).toBe(held[0].id);
      expect(held[0].body).toEqual({
        tahun: 2026,
        hasilKinerjaNilai: R.indexOf(c.resultRating) + 1,
        perilakuKerjaNilai: R.indexOf(c.behaviorRating) + 1,
        kuadranKinerjaNilai: KUADRAN[Math.floor(i / 3)][i % 3],
        penilaiNama: expect.any(String),
        penilaiNipNrp: org.ppk.nip,
        penilaiGolongan: '34',
        penilaiJabatan: 'Kepala Seksi Rujukan',
        penilaiUnorNama: expect.any(String),
        statusPenilai: 'ASN',
        pnsDinilaiOrang: pnsIdOf(c.person.nip),
        path: [],
      });
    }
    // Nine rows written, plus the three refused tries; each refused try logged and retried.
    expect(fake.calls('POST', '/skp22/save')).toHaveLength(cases.length + 3);
    // This spec's rows only: other specs of the run share the database and log their own retries.
    const logged = await t.dataSource.query(
      `SELECT a.http_status, a.outcome, a.duration_ms, a.request_hash FROM siasn_attempts a JOIN siasn_outbox o ON o.id = a.outbox_id
        WHERE a.step = 'SAVE' AND a.outcome = 'RETRY' AND o.nip = ANY($1)`,
      [cases.map((c) => c.person.nip)],
    );
    expect(logged.map((l: { http_status: number }) => l.http_status).sort()).toEqual([429, 503, 503]);
    for (const l of logged) {
      expect(l.request_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(l.duration_ms).toEqual(expect.any(Number));
    }
    // Each saved row got its DEKP once (spec 04 §8.3), attached to the id the save answered.
    for (const c of cases) {
      const [held] = fake.store.list('skp22', c.person.nip);
      expect(fake.uploads.filter((u) => u.idRiwayat === held.id)).toEqual([
        expect.objectContaining({ endpoint: '/upload-dok-rw', idRefDokumen: '891', contentType: 'application/pdf' }),
      ]);
    }
    const progress = await rowsOf('state=SENT&kind=SKP22');
    expect(progress.filter((r) => cases.some((c) => c.person.nip === r.nip))).toHaveLength(9);
  });

  it('sends the konversi entry of an issued PAK once, refreshing the tokens once after a 401', async () => {
    const a = cases[0].person;
    const ready = await eventually(async () => {
      const r = await t.request('GET', `/api/v1/siasn/angka-kredit?year=2026&nip=${a.nip}`, { token: admin });
      return r.body.items?.length === 1 ? r.body.items[0] : null;
    });
    expect(ready.problems.map((p: { code: string }) => p.code)).toEqual(['PAK_NOT_ISSUED']);
    fake.failNext('/pns/rw-angkakredit', 'EXPIRED_TOKEN');
    const before = tokenCalls();
    expect((await getBinary(t, `/api/v1/employees/${a.nip}/credit/pak/2026.pdf`, admin)).status).toBe(200);
    const row = await settled(a.nip, 'ANGKA_KREDIT', ['SENT', 'FAILED', 'DEAD']);
    expect(row.state).toBe('SENT');
    expect(tokenCalls()).toBe(before + 1);
    const item = (await t.request('GET', `/api/v1/siasn/angka-kredit?year=2026&nip=${a.nip}`, { token: admin })).body
      .items[0];
    expect(item).toMatchObject({ status: 'SENT', siasnId: row.siasnId });
    const held = fake.store.list('angkakredit', a.nip);
    expect(held).toHaveLength(1);
    expect(held[0].body).toEqual({ ...item.payload, isKonversi: '1', rwJabatanId: `RW-${a.nip}` });
    expect(fake.calls('POST', '/angkakredit/save')).toHaveLength(1);

    // Pushing the same scope again queues nothing: SIASN already has these values.
    const again = await t.request('POST', '/api/v1/siasn/push', {
      token: admin,
      body: { kind: 'ANGKA_KREDIT', year: 2026, nips: [a.nip] },
    });
    expect(again.status).toBe(202);
    const done = await eventually(async () => {
      const g = await t.request('GET', `/api/v1/siasn/push/${again.body.id}`, { token: admin });
      return g.body.state === 'DONE' ? g.body : null;
    });
    expect(done).toMatchObject({ total: 0, unchanged: 1, rows: [] });
    expect(fake.calls('POST', '/angkakredit/save')).toHaveLength(1);
  });

  it('ends FAILED with SIASN’s message on success:false; fixed data pushed again supersedes it', async () => {
    const b = cases[1].person;
    fake.failNext('/angkakredit/save', { businessError: 'Riwayat jabatan tidak ditemukan' });
    await eventually(async () => {
      const r = await t.request('GET', `/api/v1/siasn/angka-kredit?year=2026&nip=${b.nip}`, { token: admin });
      return r.body.items?.length === 1 ? true : null;
    });
    expect((await getBinary(t, `/api/v1/employees/${b.nip}/credit/pak/2026.pdf`, admin)).status).toBe(200);
    const failed = await settled(b.nip, 'ANGKA_KREDIT', ['SENT', 'FAILED', 'DEAD']);
    expect(failed).toMatchObject({ state: 'FAILED', attempts: 1, lastError: 'SIASN: Riwayat jabatan tidak ditemukan' });
    expect(fake.store.list('angkakredit', b.nip)).toHaveLength(0);

    // Only FAILED/DEAD rows can be retried; bad input is a 400; other people get 404.
    const sent = (await rowFor(cases[0].person.nip, 'SKP22'))!;
    expect((await t.request('POST', `/api/v1/siasn/outbox/${sent.id}/retry`, { token: admin })).status).toBe(409);
    expect((await t.request('POST', `/api/v1/siasn/outbox/999999999/retry`, { token: admin })).status).toBe(404);
    const noYear = await t.request('POST', '/api/v1/siasn/push', { token: admin, body: { kind: 'SKP22' } });
    expect(noYear.status).toBe(400);
    expect(noYear.body.details).toEqual([{ field: 'year', problem: 'is required for SKP22' }]);
    const badKind = await t.request('POST', '/api/v1/siasn/push', { token: admin, body: { kind: 'X', year: 2026 } });
    expect(badKind.status).toBe(400);
    expect(badKind.body.details[0].field).toBe('kind');
    expect((await t.request('GET', '/api/v1/siasn/outbox?state=NOPE', { token: admin })).status).toBe(400);
    expect((await t.request('GET', '/api/v1/siasn/outbox', { token: b.token })).status).toBe(404);
    expect(
      (await t.request('POST', '/api/v1/siasn/push', { token: b.token, body: { kind: 'SKP22', year: 2026 } })).status,
    ).toBe(404);

    // The operator corrects the riwayat-jabatan id and pushes again: a new row supersedes the failed one.
    const fixed = await t.request('POST', '/api/v1/siasn/identities', {
      token: admin,
      body: [{ nip: b.nip, siasnPnsId: pnsIdOf(b.nip), tmtJabatan: '2025-01-01', rwJabatanId: `RW2-${b.nip}` }],
    });
    expect(fixed.status).toBe(200);
    const push = await t.request('POST', '/api/v1/siasn/push', {
      token: admin,
      body: { kind: 'ANGKA_KREDIT', year: 2026, nips: [b.nip] },
    });
    expect(push.status).toBe(202);
    const progress = await eventually(async () => {
      const g = await t.request('GET', `/api/v1/siasn/push/${push.body.id}`, { token: admin });
      return g.body.counts?.SENT === 1 ? g.body : null;
    });
    expect(progress).toMatchObject({ state: 'DONE', total: 1, rows: [expect.objectContaining({ state: 'SENT' })] });
    // The last call of the attempt attaches the PAK to the saved row (spec 04 §8.3).
    expect(progress.rows[0].lastAttempt).toMatchObject({ step: 'UPLOAD', httpStatus: 200, outcome: 'OK' });
    const old = (await rowsOf('state=SUPERSEDED&kind=ANGKA_KREDIT')).find((r) => r.id === failed.id);
    expect(old).toBeDefined();
    const held = fake.store.list('angkakredit', b.nip);
    expect(held).toHaveLength(1);
    expect(held[0].body.rwJabatanId).toBe(`RW2-${b.nip}`);
  });

  it('gives up after the last attempt (DEAD); the operator’s retry sends it once SIASN is back', async () => {
    const c = cases[2].person;
    await eventually(async () => {
      const r = await t.request('GET', `/api/v1/siasn/angka-kredit?year=2026&nip=${c.nip}`, { token: admin });
      return r.body.items?.length === 1 ? true : null;
    });
    fake.failNext('/pns/rw-angkakredit', { status: 502 }, 'HANG', { status: 500 });
    expect((await getBinary(t, `/api/v1/employees/${c.nip}/credit/pak/2026.pdf`, admin)).status).toBe(200);
    const dead = await settled(c.nip, 'ANGKA_KREDIT', ['SENT', 'FAILED', 'DEAD']);
    expect(dead).toMatchObject({ state: 'DEAD', attempts: 3 });
    expect(dead.lastError).toMatch(/HTTP 500.*after 3 attempts/);
    const tries = await t.dataSource.query(
      `SELECT attempt, http_status, outcome FROM siasn_attempts WHERE outbox_id = $1 ORDER BY id`,
      [dead.id],
    );
    // The hanging call ended at the timeout (no status) and counted as a try.
    expect(tries).toEqual([
      { attempt: 1, http_status: 502, outcome: 'RETRY' },
      { attempt: 2, http_status: null, outcome: 'RETRY' },
      { attempt: 3, http_status: 500, outcome: 'RETRY' },
    ]);
    expect(fake.store.list('angkakredit', c.nip)).toHaveLength(0);

    const retry = await t.request('POST', `/api/v1/siasn/outbox/${dead.id}/retry`, { token: admin });
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ id: dead.id, state: 'PENDING', attempts: 0 });
    const sent = await settled(c.nip, 'ANGKA_KREDIT', ['SENT', 'FAILED', 'DEAD']);
    expect(sent).toMatchObject({ id: dead.id, state: 'SENT' });
    expect(fake.store.list('angkakredit', c.nip)).toHaveLength(1);
  });
});
