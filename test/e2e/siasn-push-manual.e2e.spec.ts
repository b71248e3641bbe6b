import { FAKE_SIASN_PORT } from '../support/siasn-push-env';
import '../support/siasn-push-env-manual';
import type { EvalOrg } from '../support/evaluation-fixtures';
import { FAKE_CREDENTIALS, FakeSiasn, startFakeSiasn } from '../support/siasn-fake';
import { finalEvaluations, jfUnit, type JfCase, mapSiasnIdentities } from '../support/siasn-fixtures';
import {
  expectedKinerjaPeriodik,
  heldWithOtherValues,
  kinerjaSaves,
  outboxProbe,
  outboxTotals,
} from '../support/siasn-push-helpers';
import { eventually } from '../support/eventually';
import { createTestApp, TestApp } from '../support/test-app';

jest.setTimeout(300_000);

/**
 * SIASN_UPDATE_MODE=MANUAL (spec 04 §8.5): a key SIASN holds with other values is not written by the engine;
 * the row stops FAILED (needs a person) with the reason, and GET /siasn/status shows the mode and the counts.
 */
describe('SIASN push: MANUAL update mode and the status', () => {
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
    ({ org, cases } = await jfUnit(t, [['DI_ATAS_EKSPEKTASI', 'SESUAI_EKSPEKTASI']]));
    expect(await mapSiasnIdentities(t, fake, admin, cases)).toBe(200);
  });

  afterAll(async () => {
    t?.clock.reset();
    await t?.close();
    await fake?.close();
  });

  // The database is shared by the files of a run: counts and the last attempt are compared with the tables.
  const statusMatchesTables = () =>
    eventually(async () => {
      const r = await t.request('GET', '/api/v1/siasn/status', { token: admin });
      const tables = await outboxTotals(t);
      return JSON.stringify([r.body.counts, r.body.lastAttemptAt]) ===
        JSON.stringify([tables.counts, tables.lastAttemptAt])
        ? r.body
        : null;
    });

  it('reports the exchange: enabled, the mode, the host only, the outbox counts; ADMIN only', async () => {
    const r = await t.request('GET', '/api/v1/siasn/status', { token: admin });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      enabled: true,
      reason: null,
      updateMode: 'MANUAL',
      baseUrlHost: `127.0.0.1:${FAKE_SIASN_PORT}`,
      counts: {
        PENDING: expect.any(Number),
        SENDING: expect.any(Number),
        SENT: expect.any(Number),
        FAILED: expect.any(Number),
        DEAD: expect.any(Number),
        SUPERSEDED: expect.any(Number),
      },
      lastAttemptAt: r.body.lastAttemptAt === null ? null : expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
    });
    await statusMatchesTables();
    for (const secret of Object.values(FAKE_CREDENTIALS)) expect(r.text).not.toContain(secret);
    expect((await t.request('GET', '/api/v1/siasn/status', { token: cases[0].person.token })).status).toBe(404);
    expect((await t.request('GET', '/api/v1/siasn/status')).status).toBe(401);
  });

  it('stops the row FAILED with the reason and writes nothing; after SIASN is fixed by hand the retry marks it SENT', async () => {
    const c = cases[0];
    const siasnId = heldWithOtherValues(fake, c, org, '2026-Q1');
    const before = { ...fake.store.rows.get(siasnId)!.body };
    await finalEvaluations(t, org, [c], '2026-Q1', '2026-04-06');
    const failed = await probe.settled(c.person.nip, 'KINERJA_PERIODIK', ['SENT', 'FAILED', 'DEAD']);
    expect(failed).toMatchObject({ state: 'FAILED', attempts: 1, siasnId: null });
    expect(failed.lastError).toContain(siasnId);
    expect(failed.lastError).toContain('SIASN_UPDATE_MODE=MANUAL');
    expect(failed.lastError).toMatch(/hasilKinerjaNilai.*kuadranKinerjaNilai.*penilaiNama/);
    // Nothing written: no save, no delete; SIASN's row is untouched.
    expect(kinerjaSaves(fake, [c])).toHaveLength(0);
    expect(fake.calls('DELETE', '/kinerjaperiodik/delete')).toHaveLength(0);
    expect(fake.store.list('kinerjaperiodik', c.person.nip)).toEqual([
      expect.objectContaining({ id: siasnId, body: before }),
    ]);

    const status = await statusMatchesTables();
    expect(status).toMatchObject({ enabled: true, updateMode: 'MANUAL' });
    expect(status.counts.FAILED).toBeGreaterThanOrEqual(1);
    const [mine] = await t.dataSource.query(
      `SELECT to_char(max(at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at FROM siasn_attempts WHERE outbox_id = $1::bigint`,
      [failed.id],
    );
    // ISO instants of one format compare as text: the latest call is this row's or a later one.
    expect(status.lastAttemptAt >= mine.at).toBe(true);
    const listed = await probe.rowsOf('state=FAILED&kind=KINERJA_PERIODIK');
    expect(listed.map((r) => r.id)).toEqual([failed.id]);

    // The operator types the engine's values in SIASN, then retries: the read finds them, nothing is written.
    fake.store.tamper(siasnId, expectedKinerjaPeriodik(c, org, '2026-Q1'));
    const retry = await t.request('POST', `/api/v1/siasn/outbox/${failed.id}/retry`, { token: admin });
    expect(retry.status).toBe(200);
    const sent = await probe.settled(c.person.nip, 'KINERJA_PERIODIK', ['SENT', 'DEAD']);
    expect(sent).toMatchObject({ id: failed.id, state: 'SENT', siasnId });
    expect(kinerjaSaves(fake, [c])).toHaveLength(0);
    const after = await statusMatchesTables();
    expect(after.counts.SENT).toBeGreaterThanOrEqual(1);
    expect((await probe.rowsOf('state=FAILED&kind=KINERJA_PERIODIK')).map((r) => r.id)).not.toContain(failed.id);
  });
});
