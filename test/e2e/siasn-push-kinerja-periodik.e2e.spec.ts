import { FAKE_SIASN_PORT } from '../support/siasn-push-env';
import { eventually } from '../support/eventually';
import type { EvalOrg } from '../support/evaluation-fixtures';
import { FakeSiasn, startFakeSiasn } from '../support/siasn-fake';
import { finalEvaluations, jfUnit, type JfCase, mapSiasnIdentities } from '../support/siasn-fixtures';
import { sentKinerjaPeriodik, heldWithOtherValues, kinerjaSaves, outboxProbe } from '../support/siasn-push-helpers';
import { createTestApp, TestApp } from '../support/test-app';

jest.setTimeout(300_000);

/**
 * The kinerja periodik push (spec 04 §8.2, §8.5) through HTTP and the real worker against the fake SIASN,
 * with the default SIASN_UPDATE_MODE (SAVE_WITH_ID) and the agency's default cadence (QUARTERLY → triwulan).
 */
describe('SIASN push: kinerja periodik', () => {
  let t: TestApp;
  let fake: FakeSiasn;
  let admin: string;
  let org: EvalOrg;
  let cases: JfCase[];
  let probe: ReturnType<typeof outboxProbe>;

  beforeAll(async () => {
    fake = await startFakeSiasn(FAKE_SIASN_PORT);
    t = await createTestApp({ worker: true });
    admin = await t.adminToken();
    probe = outboxProbe(t, fake, () => admin);
    ({ org, cases } = await jfUnit(t, [
      ['DI_ATAS_EKSPEKTASI', 'SESUAI_EKSPEKTASI'],
      ['SESUAI_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI'],
      ['SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI'],
    ]));
    expect(await mapSiasnIdentities(t, fake, admin, cases)).toBe(200);
  });

  afterAll(async () => {
    t?.clock.reset();
    await t?.close();
    await fake?.close();
  });

  it('sends a FINAL triwulan once with the §8.2 kinerjaperiodik/save body, through a 5xx outage', async () => {
    const sent = cases.slice(0, 2);
    // SIASN is down for the first read and the first two saves: the rows wait and are tried again.
    fake.failNext('/pns/rw-kinerjaperiodik', { status: 500 });
    fake.failNext('/kinerjaperiodik/save', { status: 503 }, { status: 502 });
    await finalEvaluations(t, org, sent, '2026-Q1', '2026-04-06');
    for (const c of sent) await probe.settled(c.person.nip, 'KINERJA_PERIODIK', ['SENT', 'FAILED', 'DEAD']);

    for (const c of sent) {
      const row = (await probe.rowFor(c.person.nip, 'KINERJA_PERIODIK'))!;
      expect(row.state).toBe('SENT');
      const held = fake.store.list('kinerjaperiodik', c.person.nip);
      expect(held).toHaveLength(1);
      expect(row.siasnId).toBe(held[0].id);
      // Exact names, spellings and types: ints for years, months and ratings; strings for the SIASN codes.
      expect(held[0].body).toEqual(sentKinerjaPeriodik(fake, c, org, '2026-Q1'));
      // One DEKP upload per person, before the save (spec 04 §8.3).
      expect((held[0].body.path as unknown[]).length).toBe(1);
      expect(held[0].body).not.toHaveProperty('penilaiJabatan');
      expect(held[0].body).not.toHaveProperty('pnsDinilaiOrang');
      expect(held[0].body).not.toHaveProperty('id');
    }
    // Two rows stored, two refused saves retried; no delete, nothing for the third person (not FINAL).
    expect(kinerjaSaves(fake, sent)).toHaveLength(sent.length + 2);
    expect(fake.calls('DELETE', '/kinerjaperiodik/delete')).toHaveLength(0);
    expect(fake.store.list('kinerjaperiodik', cases[2].person.nip)).toHaveLength(0);
    const retried = await t.dataSource.query(
      `SELECT a.step, a.http_status FROM siasn_attempts a JOIN siasn_outbox o ON o.id = a.outbox_id
        WHERE o.kind = 'KINERJA_PERIODIK' AND a.outcome = 'RETRY' AND o.nip = ANY($1) ORDER BY a.http_status`,
      [sent.map((c) => c.person.nip)],
    );
    expect(retried).toEqual([
      { step: 'READ', http_status: 500 },
      { step: 'SAVE', http_status: 502 },
      { step: 'SAVE', http_status: 503 },
    ]);

    // The ready-payload list shows them SENT with SIASN's id; pushing the period again sends nothing.
    const items = (await t.request('GET', '/api/v1/siasn/kinerja-periodik?period=2026-Q1', { token: admin })).body
      .items as { nip: string; status: string; siasnId: string | null }[];
    for (const c of sent)
      expect(items.find((i) => i.nip === c.person.nip)).toMatchObject({
        status: 'SENT',
        siasnId: fake.store.list('kinerjaperiodik', c.person.nip)[0].id,
      });
    const again = await t.request('POST', '/api/v1/siasn/push', {
      token: admin,
      body: { kind: 'KINERJA_PERIODIK', period: '2026-Q1', nips: sent.map((c) => c.person.nip) },
    });
    expect(again.status).toBe(202);
    const done = await eventually(async () => {
      const g = await t.request('GET', `/api/v1/siasn/push/${again.body.id}`, { token: admin });
      return g.body.state === 'DONE' ? g.body : null;
    });
    expect(done).toMatchObject({ total: 0, unchanged: 2, rows: [] });
    await new Promise((r) => setTimeout(r, 1000));
    expect(kinerjaSaves(fake, sent)).toHaveLength(sent.length + 2);
    for (const c of sent) expect(fake.store.list('kinerjaperiodik', c.person.nip)).toHaveLength(1);
  });

  it('SAVE_WITH_ID: a key SIASN holds with other values gets one save carrying SIASN’s id, no delete', async () => {
    const c = cases[2];
    const siasnId = heldWithOtherValues(fake, c, org, '2026-Q2');
    await finalEvaluations(t, org, [c], '2026-Q2', '2026-07-06');
    const row = await probe.settled(c.person.nip, 'KINERJA_PERIODIK', ['SENT', 'FAILED', 'DEAD']);
    expect(row).toMatchObject({ state: 'SENT', siasnId, attempts: 1 });

    expect(kinerjaSaves(fake, [c])).toEqual([{ ...sentKinerjaPeriodik(fake, c, org, '2026-Q2'), id: siasnId }]);
    expect(fake.calls('DELETE', '/kinerjaperiodik/delete')).toHaveLength(0);
    const held = fake.store.list('kinerjaperiodik', c.person.nip);
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ id: siasnId, body: sentKinerjaPeriodik(fake, c, org, '2026-Q2') });
    const steps = await t.dataSource.query(
      `SELECT attempt, step, http_status, outcome FROM siasn_attempts WHERE outbox_id = $1 ORDER BY id`,
      [row.id],
    );
    expect(steps).toEqual([
      { attempt: 1, step: 'READ', http_status: 200, outcome: 'OK' },
      { attempt: 1, step: 'UPLOAD', http_status: 200, outcome: 'OK' },
      { attempt: 1, step: 'SAVE', http_status: 200, outcome: 'OK' },
    ]);
  });
});
