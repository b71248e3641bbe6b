import { createHmac } from 'node:crypto';
import { eventually } from '../support/eventually';
import { recordFinalEvaluation } from '../support/final-evaluation';
import { createEmployee, createUnit } from '../support/org-skp-fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { startWebhookReceiver } from '../support/webhook-receiver';

describe('webhooks: HR/payroll systems are told about new outcomes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ worker: true });
  }, 120000);
  afterAll(async () => {
    await t.close();
  });

  it('delivers each new outcome once, signed, retrying after a failed answer', async () => {
    const receiver = await startWebhookReceiver([500]);
    try {
      const admin = await t.adminToken();
      const secret = 'webhook-secret-0123456789';
      const sub = await t.request('POST', '/api/v1/webhooks', {
        token: admin,
        body: { url: receiver.url, eventTypes: ['outcome.created'], secret },
      });
      expect(sub.status).toBe(201);
      expect(sub.body).not.toHaveProperty('secret');

      const unitCode = await createUnit(t);
      const jf = await createEmployee(t, {
        unitCode,
        kind: 'FUNGSIONAL',
        jenjang: 'AHLI_PERTAMA',
        golongan: 'III/a',
        from: '2025-01-01',
      });
      await recordFinalEvaluation(t, jf.nip, '2025', 'SANGAT_BAIK');
      const outcomes = await eventually(async () => {
        const r = await t.request('GET', `/api/v1/employees/${jf.nip}/outcomes`, { token: admin });
        return r.body.items?.length ? r.body.items : null;
      });
      // every outcome arrives (one of them only after a 500 and a retry)
      await eventually(async () => {
        const ok = receiver.received.filter((h) => JSON.parse(h.body).data.nip === jf.nip);
        return ok.length >= outcomes.length + 1;
      }, 60000);
      const mine = receiver.received.filter((h) => JSON.parse(h.body).data.nip === jf.nip);
      const keys = mine.map((h) => JSON.parse(h.body).key);
      expect(new Set(keys).size).toBe(outcomes.length);
      for (const h of mine) {
        const expected = createHmac('sha256', secret).update(`${h.headers['x-skp-timestamp']}.${h.body}`).digest('hex');
        expect(h.headers['x-skp-signature']).toBe(`sha256=${expected}`);
        expect(h.headers['x-skp-event']).toBe('outcome.created');
      }
      const deliveries = await eventually(async () => {
        const r = await t.request('GET', `/api/v1/webhooks/${sub.body.id}/deliveries`, { token: admin });
        return r.body.items.length === outcomes.length &&
          r.body.items.every((d: { status: string }) => d.status === 'DELIVERED')
          ? r.body.items
          : null;
      }, 60000);
      expect(deliveries.some((d: { attempts: number }) => d.attempts === 2)).toBe(true);

      expect(
        (
          await t.request('POST', '/api/v1/webhooks', {
            token: admin,
            body: { url: 'not a url', eventTypes: ['outcome.created'], secret },
          })
        ).status,
      ).toBe(400);
      expect(
        (
          await t.request('POST', '/api/v1/webhooks', {
            token: jf.token,
            body: { url: receiver.url, eventTypes: ['outcome.created'], secret },
          })
        ).status,
      ).toBe(403);
      expect((await t.request('DELETE', `/api/v1/webhooks/${sub.body.id}`, { token: admin })).status).toBe(204);
    } finally {
      await receiver.close();
    }
  }, 120000);
});
