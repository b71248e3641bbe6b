import { validateEnv } from '../../src/config/env.validation';
import { LoginThrottle } from '../../src/identity/login-throttle';
import { ADMIN, createTestApp, TestApp } from '../support/test-app';

/** Replays issue findings High 1, High 2 and the spraying finding: password checks cannot be stepped around. */
describe('security: password throttles (HTTP through the real app, Redis-backed)', () => {
  let t: TestApp;
  const basic = (nip: string, password: string) => `Basic ${Buffer.from(`${nip}:${password}`).toString('base64')}`;
  const login = (password: string, headers: Record<string, string> = {}, nip = ADMIN.nip) =>
    t.request('POST', '/api/v1/auth/login', { body: { nip, password }, headers });

  beforeAll(async () => {
    t = await createTestApp({ env: { TRUST_PROXY: '' } });
  });
  beforeEach(async () => {
    await t.app.get(LoginThrottle).resetAll();
  });
  afterAll(async () => {
    await t.app.get(LoginThrottle).resetAll();
    await t.close();
  });

  function expect429(r: { status: number; body: any; headers: Headers }) {
    expect(r.status).toBe(429);
    expect(r.body).toEqual(
      expect.objectContaining({
        statusCode: 429,
        error: 'Too Many Requests',
        message: expect.any(String),
        details: [],
        correlationId: expect.any(String),
      }),
    );
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
  }

  it('ignores X-Forwarded-For by default: 10 wrong passwords from "new" addresses, then 429, even for the right password', async () => {
    for (let i = 0; i < 10; i++)
      expect((await login('wrong-password', { 'x-forwarded-for': `203.0.113.${i}` })).status).toBe(401);
    expect429(await login('wrong-password', { 'x-forwarded-for': '203.0.113.200' }));
    expect429(await login(ADMIN.password, { 'x-forwarded-for': '198.51.100.7' }));
  });

  it('throttles Basic auth on /admin/queues with the same counters as the login', async () => {
    for (let i = 0; i < 10; i++) {
      const r = await t.request('GET', '/admin/queues', { headers: { authorization: basic(ADMIN.nip, `wrong-${i}`) } });
      expect(r.status).toBe(401);
    }
    expect429(
      await t.request('GET', '/admin/queues', { headers: { authorization: basic(ADMIN.nip, ADMIN.password) } }),
    );
    // …and the login endpoint shares the count (one account, one address).
    expect429(await login(ADMIN.password));
  });

  it('lets the right password through below the limit and then clears the account+address counter', async () => {
    for (let i = 0; i < 9; i++) expect((await login('wrong-password')).status).toBe(401);
    expect((await login(ADMIN.password)).status).toBe(200);
    for (let i = 0; i < 9; i++) expect((await login('wrong-password')).status).toBe(401);
    expect(
      (await t.request('GET', '/admin/queues', { headers: { authorization: basic(ADMIN.nip, ADMIN.password) } }))
        .status,
    ).toBe(200);
  });

  it('limits password spraying: one password over many NIPs from one address answers 429 after 30 failures', async () => {
    const nips = Array.from({ length: 31 }, (_, i) => `19990101202001${String(1000 + i)}`);
    for (const nip of nips.slice(0, 30)) expect((await login('Spring2026!', {}, nip)).status).toBe(401);
    expect429(await login('Spring2026!', {}, nips[30]));
    // the address is blocked for every account, the admin's too
    expect429(await login(ADMIN.password));
  });

  it('believes X-Forwarded-For only from the proxies listed in TRUST_PROXY', async () => {
    const proxied = await createTestApp({ env: { TRUST_PROXY: '127.0.0.1' } });
    try {
      const viaProxy = (ip: string, password: string) =>
        proxied.request('POST', '/api/v1/auth/login', {
          body: { nip: ADMIN.nip, password },
          headers: { 'x-forwarded-for': ip },
        });
      for (let i = 0; i < 10; i++) expect((await viaProxy('203.0.113.9', 'wrong-password')).status).toBe(401);
      expect((await viaProxy('203.0.113.9', ADMIN.password)).status).toBe(429);
      // another real client behind the same proxy is not blocked by the first one's failures
      expect((await viaProxy('203.0.113.10', ADMIN.password)).status).toBe(200);
    } finally {
      await proxied.close();
      process.env.TRUST_PROXY = '';
    }
  });

  it('refuses TRUST_PROXY=true at start (it would trust any client-supplied address)', async () => {
    expect(() => validateEnv({ ...process.env, TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
    expect(() => validateEnv({ ...process.env, TRUST_PROXY: '10.0.0.0/8, loopback' })).not.toThrow();
  });
});
