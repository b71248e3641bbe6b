import { FAKE_SIASN_PORT, SIASN_PUSH_ENV } from '../support/siasn-push-env';
import type { ChildProcess } from 'node:child_process';
import { eventually } from '../support/eventually';
import { FakeSiasn, startFakeSiasn } from '../support/siasn-fake';
import { finalAnnuals, jfUnit, pnsIdOf } from '../support/siasn-fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { startWorkerProcess, stopWorkerProcess } from '../support/worker-process';

jest.setTimeout(300_000);

/** Fault test: the worker is killed (SIGKILL) after SIASN stored the row but before the worker heard it. */
describe('SIASN push survives a killed worker', () => {
  let t: TestApp;
  let fake: FakeSiasn;
  let worker: ChildProcess | null = null;

  beforeAll(async () => {
    fake = await startFakeSiasn(FAKE_SIASN_PORT);
    t = await createTestApp(); // API here; the worker is a separate OS process
  });
  afterAll(async () => {
    if (worker) await stopWorkerProcess(worker);
    t?.clock.reset();
    await t?.close();
    await fake?.close();
  });

  it('writes the row to SIASN exactly once: the next attempt reads it back and marks it SENT', async () => {
    worker = startWorkerProcess({ ...SIASN_PUSH_ENV, SIASN_TIMEOUT_MS: '120000' });
    const admin = await t.adminToken();
    const { org, cases } = await jfUnit(t, [['SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI']]);
    const nip = cases[0].person.nip;
    fake.store.addPerson(nip, pnsIdOf(nip));
    const mapped = await t.request('POST', '/api/v1/siasn/identities', {
      token: admin,
      body: [{ nip, siasnPnsId: pnsIdOf(nip) }],
    });
    expect(mapped.status).toBe(200);
    // SIASN stores the row and then never answers: the worker is mid-push when it dies.
    fake.failNext('/skp22/save', 'SAVE_AND_HANG');
    await finalAnnuals(t, org, cases);
    await eventually(async () => fake.calls('POST', '/skp22/save').length === 1, 120_000, 50);
    await stopWorkerProcess(worker, 'SIGKILL');
    const [inFlight] = await t.dataSource.query(`SELECT id, state, attempts FROM siasn_outbox WHERE nip = $1`, [nip]);
    expect(inFlight).toMatchObject({ state: 'SENDING', attempts: 1 });
    expect(fake.store.list('skp22', nip)).toHaveLength(1);
    fake.clearFaults();

    worker = startWorkerProcess(SIASN_PUSH_ENV);
    const sent = await eventually(
      async () => {
        const [r] = await t.dataSource.query(`SELECT state, attempts, siasn_id FROM siasn_outbox WHERE id = $1`, [
          inFlight.id,
        ]);
        return r.state === 'SENT' ? r : null;
      },
      150_000,
      200,
    );
    const held = fake.store.list('skp22', nip);
    expect(held).toHaveLength(1);
    expect(sent).toEqual({ state: 'SENT', attempts: 2, siasn_id: held[0].id });
    expect(fake.calls('POST', '/skp22/save')).toHaveLength(1);
    const steps = await t.dataSource.query(
      `SELECT attempt, step, http_status, outcome FROM siasn_attempts WHERE outbox_id = $1 ORDER BY id`,
      [inFlight.id],
    );
    // Attempt 1 died before logging its save; attempt 2 found the row in SIASN, saved nothing and only
    // attached the DEKP the first attempt never reached (spec 04 §8.3).
    expect(steps).toEqual([
      { attempt: 1, step: 'READ', http_status: 200, outcome: 'OK' },
      { attempt: 2, step: 'READ', http_status: 200, outcome: 'OK' },
      { attempt: 2, step: 'UPLOAD', http_status: 200, outcome: 'OK' },
    ]);
    expect(fake.uploads).toEqual([
      expect.objectContaining({ endpoint: '/upload-dok-rw', idRiwayat: held[0].id, idRefDokumen: '891' }),
    ]);
  });
});
