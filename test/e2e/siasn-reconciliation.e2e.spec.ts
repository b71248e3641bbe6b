import { RECON_FAKE_PORT } from '../support/siasn-recon-env';
import { eventually } from '../support/eventually';
import { startFakeSiasn, type FakeSiasn } from '../support/siasn-fake';
import { finalAnnuals, jfUnit, pnsIdOf } from '../support/siasn-fixtures';
import { createTestApp, TestApp } from '../support/test-app';

jest.setTimeout(300_000);

type Finding = {
  code: string;
  nip: string;
  fields: { field: string; engine: unknown; siasn: unknown }[];
  siasnIds: string[];
};

/** Import from SIASN (a worker job against the fake) and the reconciliation report (spec 04 §8.4–8.5) through HTTP. */
describe('SIASN import and reconciliation', () => {
  let t: TestApp;
  let fake: FakeSiasn;

  beforeAll(async () => {
    fake = await startFakeSiasn(RECON_FAKE_PORT);
    t = await createTestApp({ worker: true });
  });
  afterAll(async () => {
    t?.clock.reset();
    await t?.close();
    await fake?.close();
  });

  it('reads SIASN for a unit in a job and reports each kind of difference, engine value vs SIASN value', async () => {
    const { org, cases } = await jfUnit(t, [
      ['SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI'],
      ['DI_ATAS_EKSPEKTASI', 'SESUAI_EKSPEKTASI'],
      ['SESUAI_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI'],
      ['SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI'],
    ]);
    const [changed, missing, duplicated, otherPenilai] = cases.map((c) => c.person);
    const admin = await t.adminToken();
    await finalAnnuals(t, org, cases);
    // The push queues a FINAL evaluation when it becomes FINAL; let that pass while nobody is mapped yet
    // (nothing sendable), so this test sees only the import's reads and what the operator typed in SIASN.
    await eventually(async () => {
      const [row]: { n: number }[] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM outbox o WHERE o.event_type = 'EvaluationFinalized' AND NOT EXISTS (
           SELECT 1 FROM job_receipts r WHERE r.job_name = 'siasn.queue-evaluation' AND (
             r.job_id = 'o' || o.id || '-siasn_queue-evaluation'
             OR (split_part(r.job_id, '-', 3) = 'siasn_queue'
                 AND substr(split_part(r.job_id, '-', 1), 2)::bigint <= o.id AND split_part(r.job_id, '-', 2)::bigint >= o.id)))`,
      );
      return row.n === 0;
    });
    const mapped = await t.request('POST', '/api/v1/siasn/identities', {
      token: admin,
      body: [...cases.map((c) => c.person.nip), org.ppk.nip].map((nip) => ({ nip, siasnPnsId: pnsIdOf(nip) })),
    });
    expect(mapped.status).toBe(200);
    for (const p of [...cases.map((c) => c.person), org.ppk, org.head]) fake.store.addPerson(p.nip, pnsIdOf(p.nip));

    // What SIASN holds: the engine's own bodies, then changed as an operator typing in SIASN would.
    const ready = await t.request('GET', `/api/v1/siasn/skp22?year=2026&unitCode=${org.unitCode}`, { token: admin });
    const bodyOf = (nip: string) =>
      ready.body.items.find((i: { nip: string }) => i.nip === nip).payload as Record<string, unknown>;
    const rowA = fake.store.save('skp22', bodyOf(changed.nip))!;
    fake.store.tamper(rowA.id, { kuadranKinerjaNilai: 1 });
    fake.store.insert('skp22', duplicated.nip, bodyOf(duplicated.nip));
    fake.store.insert('skp22', duplicated.nip, bodyOf(duplicated.nip));
    fake.store.save('skp22', { ...bodyOf(otherPenilai.nip), penilaiNipNrp: '196501011990031001' });
    // A 2026 row for the PPK, who has no FINAL annual evaluation in the engine; a 2025 row is out of scope.
    fake.store.insert('skp22', org.ppk.nip, { ...bodyOf(changed.nip), pnsDinilaiOrang: pnsIdOf(org.ppk.nip) });
    fake.store.insert('skp22', missing.nip, { ...bodyOf(missing.nip), tahun: 2025 });

    const started = await t.request('POST', '/api/v1/siasn/import', {
      token: admin,
      body: { kind: 'skp22', year: 2026, unitCode: org.unitCode },
    });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ kind: 'SKP22', year: 2026, unitCode: org.unitCode, done: 0 });
    // Head, PPK and four JF: six PNS in the unit at the end of 2026.
    expect(started.body.total).toBe(6);
    const done = await eventually(async () => {
      const r = await t.request('GET', `/api/v1/siasn/import/${started.body.id}`, { token: admin });
      return r.body.state === 'DONE' ? r.body : null;
    });
    expect(done).toMatchObject({ total: 6, done: 6, problems: [] });
    // Only reads: one rw-skp22 call per person, nothing written to SIASN for them. The run's database and queues
    // are shared: a PAK another spec prints can reach this worker and its send this fake, so only ours count.
    expect(fake.calls('GET', '/pns/rw-skp22/')).toHaveLength(6);
    const ours = [...cases.map((c) => c.person), org.ppk, org.head].map((p) => pnsIdOf(p.nip));
    expect(
      fake.requests.filter(
        (r) => r.method !== 'GET' && r.path.startsWith('/apisiasn/') && ours.some((id) => r.body.includes(id)),
      ),
    ).toEqual([]);

    const rec = await t.request('GET', `/api/v1/siasn/reconciliation?kind=skp22&year=2026&unitCode=${org.unitCode}`, {
      token: admin,
    });
    expect(rec.status).toBe(200);
    expect(rec.body).toMatchObject({ siasnEnabled: true, peopleRead: 6, warnings: [], nextCursor: null });
    const by = (nip: string) => (rec.body.items as Finding[]).filter((f) => f.nip === nip);
    expect(by(changed.nip)).toEqual([
      expect.objectContaining({
        code: 'VALUE_MISMATCH',
        siasnIds: [rowA.id],
        fields: [{ field: 'kuadranKinerjaNilai', engine: 2, siasn: 1 }],
      }),
    ]);
    expect(by(missing.nip).map((f) => f.code)).toEqual(['MISSING_IN_SIASN']);
    expect(by(duplicated.nip)).toEqual([
      expect.objectContaining({ code: 'DUPLICATE_IN_SIASN', siasnIds: expect.arrayContaining([expect.any(String)]) }),
    ]);
    expect(by(duplicated.nip)[0].siasnIds).toHaveLength(2);
    expect(by(otherPenilai.nip)).toEqual([
      expect.objectContaining({
        code: 'PENILAI_MISMATCH',
        fields: [{ field: 'penilaiNipNrp', engine: org.ppk.nip, siasn: '196501011990031001' }],
      }),
    ]);
    expect(by(org.ppk.nip).map((f) => f.code)).toEqual(['MISSING_IN_ENGINE']);
    expect(by(org.head.nip)).toEqual([]);
    expect(rec.body.items).toHaveLength(5);

    // Cursor pages hold whole people and end.
    const p1 = await t.request(
      'GET',
      `/api/v1/siasn/reconciliation?kind=skp22&year=2026&unitCode=${org.unitCode}&limit=1`,
      { token: admin },
    );
    expect(p1.body.items.length).toBeGreaterThanOrEqual(1);
    const rest: Finding[] = [];
    let after = p1.body.nextCursor as string | null;
    while (after) {
      const p = await t.request(
        'GET',
        `/api/v1/siasn/reconciliation?kind=skp22&year=2026&unitCode=${org.unitCode}&limit=1&after=${after}`,
        { token: admin },
      );
      rest.push(...p.body.items);
      after = p.body.nextCursor;
    }
    expect([...p1.body.items, ...rest]).toEqual(rec.body.items);

    // The same findings as a file for the office.
    const csv = await t.request(
      'GET',
      `/api/v1/siasn/reconciliation.csv?kind=skp22&year=2026&unitCode=${org.unitCode}`,
      {
        token: admin,
      },
    );
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.text).toContain('VALUE_MISMATCH');
    expect(csv.text).toContain('kuadranKinerjaNilai: 2 / 1');

    // After the SIASN row is corrected and read again, the finding is gone.
    fake.store.tamper(rowA.id, { kuadranKinerjaNilai: 2 });
    const again = await t.request('POST', '/api/v1/siasn/import', {
      token: admin,
      body: { kind: 'skp22', year: 2026, nips: [changed.nip] },
    });
    expect(again.status).toBe(202);
    await eventually(async () => {
      const r = await t.request('GET', `/api/v1/siasn/import/${again.body.id}`, { token: admin });
      return r.body.state === 'DONE' ? r.body : null;
    });
    const after2 = await t.request('GET', `/api/v1/siasn/reconciliation?kind=skp22&year=2026&nip=${changed.nip}`, {
      token: admin,
    });
    expect(after2.body.items).toEqual([]);

    // A person SIASN does not answer for is a problem on the import; the others are read.
    fake.failNext(`/pns/rw-skp22/${missing.nip}`, { status: 503 });
    const partial = await t.request('POST', '/api/v1/siasn/import', {
      token: admin,
      body: { kind: 'skp22', year: 2026, nips: [missing.nip, changed.nip] },
    });
    const partialDone = await eventually(async () => {
      const r = await t.request('GET', `/api/v1/siasn/import/${partial.body.id}`, { token: admin });
      return r.body.state === 'DONE' ? r.body : null;
    });
    expect(partialDone).toMatchObject({
      done: 2,
      problems: [{ nip: missing.nip, problem: expect.stringContaining('HTTP 503') }],
    });

    // Others than ADMIN: 404 (the routes are not theirs to see).
    const staffToken = changed.token;
    for (const [method, path, body] of [
      ['GET', '/api/v1/siasn/reconciliation?kind=skp22&year=2026', undefined],
      ['POST', '/api/v1/siasn/import', { kind: 'skp22', year: 2026, nips: [changed.nip] }],
      ['GET', `/api/v1/siasn/import/${started.body.id}`, undefined],
    ] as const)
      expect((await t.request(method, path, { token: staffToken, body })).status).toBe(404);

    // Bad input: 400 in the contract's shape, naming the field.
    const bad = async (method: 'GET' | 'POST', path: string, body?: unknown) => {
      const r = await t.request(method, path, { token: admin, body });
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({ message: expect.any(String), details: expect.any(Array) });
      return r.body.details.map((d: { field: string }) => d.field);
    };
    expect(await bad('GET', '/api/v1/siasn/reconciliation?kind=skp23&year=2026')).toEqual(['kind']);
    expect(await bad('GET', '/api/v1/siasn/reconciliation?kind=skp22&year=20x6')).toEqual(['year']);
    expect(await bad('GET', '/api/v1/siasn/reconciliation?kind=kinerjaPeriodik&period=2026-Q5')).toEqual(['period']);
    expect(await bad('GET', '/api/v1/siasn/reconciliation?kind=skp22&year=2026&after=bogus')).toEqual(['after']);
    expect(await bad('GET', '/api/v1/siasn/reconciliation.csv?kind=skp22&year=1')).toEqual(['year']);
    expect(await bad('POST', '/api/v1/siasn/import', { kind: 'skp22', year: 2026 })).toEqual(['unitCode']);
    expect(await bad('POST', '/api/v1/siasn/import', { kind: 'x', year: 2026, nips: ['1'] })).toEqual(['kind', 'nips']);
    expect(
      await bad('POST', '/api/v1/siasn/import', { kind: 'skp22', year: 2026, nips: ['199999999999999999'] }),
    ).toEqual(['nips']);
    expect(await bad('POST', '/api/v1/siasn/import', { kind: 'skp22', year: 2026, unitCode: 'NOPE-UNIT' })).toEqual([
      'unitCode',
    ]);
    expect(await bad('POST', '/api/v1/siasn/import', [1, 2])).toEqual(['body']);
    expect((await t.request('GET', '/api/v1/siasn/import/not-an-id', { token: admin })).status).toBe(404);
  });
});
