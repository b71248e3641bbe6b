import { AppConfig } from '../../../src/config/app-config';
import { validateEnv } from '../../../src/config/env.validation';
import { SiasnClient, SiasnTransportError } from '../../../src/siasn/siasn-client';
import { SiasnSettings } from '../../../src/siasn/siasn-settings';
import { FakeSiasn, startFakeSiasn } from '../../support/siasn-fake';

function client(env: Record<string, string>): SiasnClient {
  const cfg = validateEnv({
    JWT_SECRET: 'x'.repeat(48),
    DATABASE_URL: 'postgres://x@127.0.0.1/x',
    REDIS_URL: 'redis://127.0.0.1:6379',
    ...env,
  });
  const config = { get: (k: keyof typeof cfg) => cfg[k] } as unknown as AppConfig;
  return new SiasnClient(new SiasnSettings(config), config);
}

/** The SIASN HTTP client against the fake: token handshake, one refresh on 401, timeouts, outbound guard. */
describe('SiasnClient', () => {
  let fake: FakeSiasn;
  beforeAll(async () => {
    fake = await startFakeSiasn();
    fake.store.addPerson('199001012015011001', 'PNS-1');
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.clearFaults();
    fake.requests.length = 0;
  });

  const base = () => ({
    SIASN_ENABLED: 'true',
    SIASN_ALLOWED_HOSTS: '127.0.0.1',
    SIASN_TIMEOUT_MS: '300',
    ...fake.env(),
  });

  it('fetches both tokens once, sends them, and refreshes them once after a 401', async () => {
    const c = client(base());
    const a = await c.call({ method: 'GET', path: '/pns/data-utama/199001012015011001' });
    expect(a.status).toBe(200);
    expect(a.json).toEqual({ code: 1, data: expect.objectContaining({ id: 'PNS-1' }) });
    const b = await c.call({ method: 'GET', path: '/pns/rw-skp22/199001012015011001' });
    expect(b.status).toBe(200);
    expect(fake.requests.filter((r) => r.path === '/oauth2/token')).toHaveLength(1);
    expect(fake.requests.filter((r) => r.path === '/sso/token')).toHaveLength(1);
    const api = fake.calls('GET', '/pns/');
    expect(api[0].headers.authorization).toMatch(/^Bearer wso2-/);
    expect(api[0].headers.auth).toMatch(/^bearer sso-/);

    fake.failNext('/skp22/save', 'EXPIRED_TOKEN');
    const saved = await c.call({
      method: 'POST',
      path: '/skp22/save',
      json: { tahun: 2026, pnsDinilaiOrang: 'PNS-1' },
    });
    expect(saved.status).toBe(200);
    expect(saved.json).toMatchObject({ success: true, mapData: { rwSkpId: expect.any(String) } });
    expect(fake.requests.filter((r) => r.path === '/oauth2/token')).toHaveLength(2);
    expect(fake.calls('POST', '/skp22/save')).toHaveLength(2);
  });

  it('gives up on a hanging SIASN after the timeout, as a network failure', async () => {
    const c = client(base());
    fake.failNext('/pns/rw-skp22', 'HANG');
    const started = Date.now();
    const err = await c.call({ method: 'GET', path: '/pns/rw-skp22/199001012015011001' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SiasnTransportError);
    expect((err as SiasnTransportError).kind).toBe('NETWORK');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('refuses a loopback SIASN unless the host is allowed, before any request', async () => {
    const c = client({ ...base(), SIASN_ALLOWED_HOSTS: '' });
    const err = await c.call({ method: 'GET', path: '/pns/rw-skp22/199001012015011001' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SiasnTransportError);
    expect((err as SiasnTransportError).kind).toBe('REFUSED');
    expect(fake.requests).toHaveLength(0);
  });

  it('reports refused credentials as an authentication failure', async () => {
    const c = client({ ...base(), SIASN_SSO_PASSWORD: 'wrong' });
    const err = await c.call({ method: 'GET', path: '/pns/rw-skp22/199001012015011001' }).catch((e: unknown) => e);
    expect((err as SiasnTransportError).kind).toBe('AUTH');
    expect((err as Error).message).toMatch(/SSO token refused \(HTTP 401\)/);
  });
});
