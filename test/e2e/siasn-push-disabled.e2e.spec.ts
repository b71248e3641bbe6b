import { FAKE_SIASN_PORT } from '../support/siasn-push-env';
import '../support/siasn-push-env-disabled';
import { eventually } from '../support/eventually';
import { FakeSiasn, startFakeSiasn } from '../support/siasn-fake';
import { finalAnnuals, jfUnit, pnsIdOf } from '../support/siasn-fixtures';
import { createTestApp, TestApp } from '../support/test-app';

jest.setTimeout(240_000);

/** SIASN_ENABLED unset (the default): rows wait PENDING, and nothing reaches SIASN. */
describe('SIASN push disabled', () => {
  let t: TestApp;
  let fake: FakeSiasn;
  beforeAll(async () => {
    fake = await startFakeSiasn(FAKE_SIASN_PORT);
    t = await createTestApp({ worker: true });
  });
  afterAll(async () => {
    t?.clock.reset();
    await t?.close();
    await fake?.close();
  });

  it('keeps the row PENDING, sends nothing, and refuses a manual push (409)', async () => {
    const admin = await t.adminToken();
    const { org, cases } = await jfUnit(t, [['DI_ATAS_EKSPEKTASI', 'SESUAI_EKSPEKTASI']]);
    const nip = cases[0].person.nip;
    fake.store.addPerson(nip, pnsIdOf(nip));
    await t.request('POST', '/api/v1/siasn/identities', { token: admin, body: [{ nip, siasnPnsId: pnsIdOf(nip) }] });
    await finalAnnuals(t, org, cases);
    // In a full run the shared pipeline queue may still carry earlier files' events (and a killed worker's
    // stalled job until its lock expires), so the queue job of this FINAL evaluation can come late.
    const row = await eventually(async () => {
      const r = await t.request('GET', '/api/v1/siasn/outbox?state=PENDING&kind=SKP22', { token: admin });
      return r.body.items.find((i: { nip: string }) => i.nip === nip);
    }, 180_000);
    expect(row).toMatchObject({ state: 'PENDING', attempts: 0, lastAttempt: null });
    const item = await t.request('GET', `/api/v1/siasn/skp22?year=2026&nip=${nip}`, { token: admin });
    expect(item.body.items[0]).toMatchObject({ status: 'PENDING', payload: { kuadranKinerjaNilai: 2 } });
    // The console learns "disabled" and why from the status, before any push.
    const status = await t.request('GET', '/api/v1/siasn/status', { token: admin });
    expect(status.body).toMatchObject({ enabled: false, reason: expect.stringMatching(/^SIASN belum diaktifkan/) });
    expect(status.body.counts.PENDING).toBeGreaterThanOrEqual(1);
    const push = await t.request('POST', '/api/v1/siasn/push', { token: admin, body: { kind: 'SKP22', year: 2026 } });
    expect(push.status).toBe(409);
    await new Promise((r) => setTimeout(r, 1500));
    expect(fake.requests).toHaveLength(0);
  });
});
