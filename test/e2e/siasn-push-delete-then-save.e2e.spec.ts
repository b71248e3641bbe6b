import { FAKE_SIASN_PORT, SIASN_PUSH_ENV } from '../support/siasn-push-env';
import '../support/siasn-push-env-delete-then-save';
import type { ChildProcess } from 'node:child_process';
import { eventually } from '../support/eventually';
import type { EvalOrg } from '../support/evaluation-fixtures';
import { FakeSiasn, startFakeSiasn } from '../support/siasn-fake';
import { finalEvaluations, jfUnit, type JfCase, mapSiasnIdentities } from '../support/siasn-fixtures';
import { sentKinerjaPeriodik, heldWithOtherValues, kinerjaSaves, outboxProbe } from '../support/siasn-push-helpers';
import { createTestApp, TestApp } from '../support/test-app';
import { startWorkerProcess, stopWorkerProcess } from '../support/worker-process';

jest.setTimeout(400_000);

const MODE = { ...SIASN_PUSH_ENV, SIASN_UPDATE_MODE: 'DELETE_THEN_SAVE' };

/**
 * SIASN_UPDATE_MODE=DELETE_THEN_SAVE (spec 04 §8.5): a kinerja periodik key SIASN holds with other values is
 * deleted, then saved anew. Between the two SIASN holds nothing for the key: a failed save or a worker killed
 * there must neither lose the record (the next attempt reads it missing and saves) nor write it twice.
 * The worker is a separate OS process so it can be killed mid-attempt.
 */
describe('SIASN push: DELETE_THEN_SAVE', () => {
  let t: TestApp;
  let fake: FakeSiasn;
  let admin: string;
  let org: EvalOrg;
  let cases: JfCase[];
  let worker: ChildProcess | null = null;
  let probe: ReturnType<typeof outboxProbe>;
  const steps = (outboxId: string) =>
    t.dataSource.query(
      `SELECT attempt, step, http_status, outcome FROM siasn_attempts WHERE outbox_id = $1 ORDER BY id`,
      [outboxId],
    );

  beforeAll(async () => {
    fake = await startFakeSiasn(FAKE_SIASN_PORT);
    t = await createTestApp(); // API here; the worker is a separate OS process
    admin = await t.adminToken();
    probe = outboxProbe(t, fake, () => admin);
    ({ org, cases } = await jfUnit(t, [
      ['DI_ATAS_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI'],
      ['SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI'],
    ]));
    expect(await mapSiasnIdentities(t, fake, admin, cases)).toBe(200);
  });

  afterAll(async () => {
    if (worker) await stopWorkerProcess(worker);
    t?.clock.reset();
    await t?.close();
    await fake?.close();
  });

  it('deletes then saves; a save refused with 503 after the delete is saved by the retry, once', async () => {
    worker = startWorkerProcess(MODE);
    const status = await t.request('GET', '/api/v1/siasn/status', { token: admin });
    expect(status.body).toMatchObject({ enabled: true, updateMode: 'DELETE_THEN_SAVE' });
    const c = cases[0];
    const old = heldWithOtherValues(fake, c, org, '2026-Q1');
    fake.failNext('/kinerjaperiodik/save', { status: 503 });
    await finalEvaluations(t, org, [c], '2026-Q1', '2026-04-06');
    const row = await probe.settled(c.person.nip, 'KINERJA_PERIODIK', ['SENT', 'FAILED', 'DEAD'], 150_000);

    const held = fake.store.list('kinerjaperiodik', c.person.nip);
    expect(held).toHaveLength(1);
    expect(held[0].id).not.toBe(old);
    expect(held[0].body).toEqual(sentKinerjaPeriodik(fake, c, org, '2026-Q1'));
    expect(row).toMatchObject({ state: 'SENT', siasnId: held[0].id, attempts: 2 });
    expect(fake.calls('DELETE', `/kinerjaperiodik/delete/${old}`)).toHaveLength(1);
    // The save after a delete carries no id (the row it would name is gone).
    // The DEKP went up once (attempt 1); the retry saved with the path kept on the row.
    expect(sentKinerjaPeriodik(fake, c, org, '2026-Q1').path).toHaveLength(1);
    expect(kinerjaSaves(fake, [c])).toEqual([
      sentKinerjaPeriodik(fake, c, org, '2026-Q1'),
      sentKinerjaPeriodik(fake, c, org, '2026-Q1'),
    ]);
    expect(await steps(row.id)).toEqual([
      { attempt: 1, step: 'READ', http_status: 200, outcome: 'OK' },
      { attempt: 1, step: 'DELETE', http_status: 200, outcome: 'OK' },
      { attempt: 1, step: 'UPLOAD', http_status: 200, outcome: 'OK' },
      { attempt: 1, step: 'SAVE', http_status: 503, outcome: 'RETRY' },
      { attempt: 2, step: 'READ', http_status: 200, outcome: 'OK' },
      { attempt: 2, step: 'SAVE', http_status: 200, outcome: 'OK' },
    ]);
  });

  it('a worker killed between the delete and the save: the next attempt saves the record exactly once', async () => {
    const c = cases[1];
    const old = heldWithOtherValues(fake, c, org, '2026-Q2');
    // This worker waits long for SIASN; the save never answers (and stores nothing): it dies mid-attempt.
    await stopWorkerProcess(worker!);
    worker = startWorkerProcess({ ...MODE, SIASN_TIMEOUT_MS: '120000' });
    fake.failNext('/kinerjaperiodik/save', 'HANG');
    await finalEvaluations(t, org, [c], '2026-Q2', '2026-07-06');
    await eventually(async () => kinerjaSaves(fake, [c]).length === 1, 150_000, 50);
    await stopWorkerProcess(worker, 'SIGKILL');
    // The gap DELETE_THEN_SAVE opens: SIASN holds nothing for the key while the row is in flight.
    const [inFlight] = await t.dataSource.query(
      `SELECT id::text AS id, state, attempts FROM siasn_outbox WHERE nip = $1 AND kind = 'KINERJA_PERIODIK'`,
      [c.person.nip],
    );
    expect(inFlight).toMatchObject({ state: 'SENDING', attempts: 1 });
    expect(fake.calls('DELETE', `/kinerjaperiodik/delete/${old}`)).toHaveLength(1);
    expect(fake.store.list('kinerjaperiodik', c.person.nip)).toHaveLength(0);
    fake.clearFaults();

    worker = startWorkerProcess(MODE);
    const row = await probe.settled(c.person.nip, 'KINERJA_PERIODIK', ['SENT', 'FAILED', 'DEAD'], 150_000);
    const held = fake.store.list('kinerjaperiodik', c.person.nip);
    expect(held).toHaveLength(1);
    expect(held[0].body).toEqual(sentKinerjaPeriodik(fake, c, org, '2026-Q2'));
    expect(row).toMatchObject({ id: inFlight.id, state: 'SENT', siasnId: held[0].id, attempts: 2 });
    // One delete for this key (the second attempt found nothing to delete), one stored save of two tried.
    expect(fake.calls('DELETE', '/kinerjaperiodik/delete')).toHaveLength(2);
    // Attempt 1's DEKP upload went through (its path is kept on the row), so attempt 2 saves without uploading.
    expect(sentKinerjaPeriodik(fake, c, org, '2026-Q2').path).toHaveLength(1);
    expect(kinerjaSaves(fake, [c])).toEqual([
      sentKinerjaPeriodik(fake, c, org, '2026-Q2'),
      sentKinerjaPeriodik(fake, c, org, '2026-Q2'),
    ]);
    // Attempt 1 died before it could log its save; attempt 2 read the key missing and saved it.
    expect(await steps(row.id)).toEqual([
      { attempt: 1, step: 'READ', http_status: 200, outcome: 'OK' },
      { attempt: 1, step: 'DELETE', http_status: 200, outcome: 'OK' },
      { attempt: 1, step: 'UPLOAD', http_status: 200, outcome: 'OK' },
      { attempt: 2, step: 'READ', http_status: 200, outcome: 'OK' },
      { attempt: 2, step: 'SAVE', http_status: 200, outcome: 'OK' },
    ]);
  });
});
