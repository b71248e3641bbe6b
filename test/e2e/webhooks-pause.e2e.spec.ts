import { createTestApp, TestApp } from '../support/test-app';

describe('webhooks: the office pauses and resumes a subscription by hand', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  }, 120000);
  afterAll(async () => {
    await t.close();
  });

  it('pause shows PAUSED with its reason, resume makes it ACTIVE, a deleted one is 404; both are audited', async () => {
    const admin = await t.adminToken();
    const sub = await t.request('POST', '/api/v1/webhooks', {
      token: admin,
      // 127.0.0.1 is allowed in tests (WEBHOOK_ALLOWED_HOSTS, ./scripts/test); nothing listens on port 9.
      body: { url: 'http://127.0.0.1:9/hooks', eventTypes: ['outcome.created'], secret: 's3cret-0123456789' },
    });
    expect(sub.status).toBe(201);
    const id = sub.body.id as string;
    const paused = await t.request('POST', `/api/v1/webhooks/${id}/pause`, { token: admin });
    expect(paused.status).toBe(200);
    expect(paused.body).toMatchObject({ id, status: 'PAUSED', pauseReason: expect.stringContaining('Dijeda') });
    const again = await t.request('POST', `/api/v1/webhooks/${id}/pause`, { token: admin });
    expect(again.body.pausedAt).toBe(paused.body.pausedAt);
    const resumed = await t.request('POST', `/api/v1/webhooks/${id}/resume`, { token: admin });
    expect(resumed.body).toMatchObject({ status: 'ACTIVE', pausedAt: null, pauseReason: null });
    const audit = await t.request('GET', `/api/v1/audit?entity=WebhookSubscription&id=${id}`, { token: admin });
    expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['webhook.create', 'webhook.pause', 'webhook.resume']),
    );
    expect((await t.request('DELETE', `/api/v1/webhooks/${id}`, { token: admin })).status).toBe(204);
    expect((await t.request('POST', `/api/v1/webhooks/${id}/pause`, { token: admin })).status).toBe(404);
  }, 60000);
});
