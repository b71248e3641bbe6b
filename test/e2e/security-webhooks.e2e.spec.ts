import { WebhookDeliveryHandler } from '../../src/webhooks/webhook-delivery.handler';
import { createTestApp, TestApp } from '../support/test-app';
import { startWebhookReceiver } from '../support/webhook-receiver';

/** Replays Medium 7 (webhook SSRF) and the failing-target finding. The run allows 127.0.0.1 only (WEBHOOK_ALLOWED_HOSTS, set by scripts/test). */
describe('security: webhook targets (HTTP through the real app, delivery through the real handler)', () => {
  let t: TestApp;
  let admin: string;
  const secret = 'webhook-secret-0123456789';
  const subscribe = (url: string) =>
    t.request('POST', '/api/v1/webhooks', { token: admin, body: { url, eventTypes: ['outcome.created'], secret } });

  beforeAll(async () => {
    expect(process.env.WEBHOOK_ALLOWED_HOSTS).toBe('127.0.0.1');
    t = await createTestApp({ worker: true });
    admin = await t.adminToken();
  }, 120000);
  afterAll(async () => {
    await t.close();
  });

  async function delivery(subscriptionId: string): Promise<string> {
    const key = `security-test:${Math.random()}`;
    const [d] = await t.dataSource.query(
      `INSERT INTO webhook_deliveries (subscription_id, event_type, event_key, payload) VALUES ($1, 'outcome.created', $2, $3) RETURNING id`,
      [subscriptionId, key, JSON.stringify({ type: 'outcome.created', key })],
    );
    return d.id;
  }
  const deliver = (id: string, attempt = 1) =>
    t.worker!.get(WebhookDeliveryHandler).deliver(
      { deliveryId: id },
      {
        jobId: `sec-${id}`,
        jobName: 'webhooks.deliver',
        attempt,
        updateProgress: async () => undefined,
      },
    );

  it('refuses loopback, private, link-local/metadata, credential-carrying and unresolvable targets with 400 naming url', async () => {
    for (const url of [
      'http://localhost:9/hook',
      'http://[::1]:9/hook',
      'http://127.0.0.2:9/hook',
      'http://169.254.169.254/latest/meta-data',
      'http://10.1.2.3/hook',
      'http://[::ffff:127.0.0.1]:9/hook',
      'https://user:pw@payroll.example.invalid/hooks',
      'https://payroll.example.invalid/hooks',
    ]) {
      const r = await subscribe(url);
      expect({ url, status: r.status }).toEqual({ url, status: 400 });
      expect(r.body.details).toEqual([{ field: 'url', problem: expect.any(String) }]);
    }
  });

  it('checks the target again at delivery: a subscription re-pointed inside is refused without a request and not retried', async () => {
    const receiver = await startWebhookReceiver();
    try {
      const sub = await subscribe(receiver.url);
      expect(sub.status).toBe(201);
      expect(sub.body.status).toBe('ACTIVE');
      // as after a DNS change: the stored target now leads to loopback under a name that is not allowed
      await t.dataSource.query(`UPDATE webhook_subscriptions SET url = $2 WHERE id = $1`, [
        sub.body.id,
        receiver.url.replace('127.0.0.1', 'localhost'),
      ]);
      const id = await delivery(sub.body.id);
      await expect(deliver(id)).rejects.toMatchObject({ name: 'UnrecoverableError' });
      expect(receiver.received).toHaveLength(0);
      const [row] = await t.dataSource.query(`SELECT status, last_error FROM webhook_deliveries WHERE id = $1`, [id]);
      expect(row.status).toBe('FAILED');
      expect(row.last_error).toMatch(/loopback/);
    } finally {
      await receiver.close();
    }
  });

  it('pauses a subscription after 20 consecutive failed deliveries, shows PAUSED, stops trying, and resumes on request', async () => {
    const receiver = await startWebhookReceiver(Array.from({ length: 40 }, () => 500));
    try {
      const sub = await subscribe(receiver.url);
      const id = await delivery(sub.body.id);
      for (let i = 1; i < 20; i++) await expect(deliver(id, i)).rejects.toThrow(/HTTP 500/);
      await expect(deliver(id, 20)).rejects.toMatchObject({ name: 'UnrecoverableError' });
      const list = await t.request('GET', '/api/v1/webhooks', { token: admin });
      const shown = list.body.items.find((s: { id: string }) => s.id === sub.body.id);
      expect(shown).toMatchObject({
        status: 'PAUSED',
        consecutiveFailures: 20,
        pauseReason: expect.stringContaining('HTTP 500'),
      });
      const before = receiver.received.length;
      await expect(deliver(id, 21)).rejects.toMatchObject({ name: 'UnrecoverableError' });
      expect(receiver.received.length).toBe(before);
      const resumed = await t.request('POST', `/api/v1/webhooks/${sub.body.id}/resume`, { token: admin });
      expect(resumed.status).toBe(200);
      expect(resumed.body).toMatchObject({ status: 'ACTIVE', consecutiveFailures: 0 });
    } finally {
      await receiver.close();
    }
  });
});
