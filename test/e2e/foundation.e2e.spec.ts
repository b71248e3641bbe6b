import { createTestApp, ADMIN, TestApp } from '../support/test-app';

describe('foundation (HTTP through the real app)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('GET /api/health is 200 with database and redis up', async () => {
    const r = await t.request('GET', '/api/health');
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('ok');
    expect(r.body.info.database.status).toBe('up');
    expect(r.body.info.redis.status).toBe('up');
  });

  it('serves the OpenAPI document and the docs UI', async () => {
    const json = await t.request('GET', '/api/docs-json');
    expect(json.status).toBe(200);
    expect(Object.keys(json.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/login', '/api/health', '/api/v1/employees/{nip}']),
    );
    const ui = await t.request('GET', '/api/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
  });

  it('logs the bootstrap admin in and refuses a wrong password with 401', async () => {
    const ok = await t.request('POST', '/api/v1/auth/login', { body: ADMIN });
    expect(ok.status).toBe(200);
    expect(typeof ok.body.accessToken).toBe('string');
    expect(ok.body.expiresIn).toBeGreaterThan(0);
    const bad = await t.request('POST', '/api/v1/auth/login', { body: { nip: ADMIN.nip, password: 'wrong-password' } });
    expect(bad.status).toBe(401);
    expect(bad.body).toMatchObject({ statusCode: 401, error: 'Unauthorized', details: [] });
    expect(bad.body.correlationId).toBe(bad.headers.get('x-correlation-id'));
  });

  it('answers malformed JSON, an unknown field and a wrong type with 400 in the contract shape', async () => {
    const malformed = await t.request('POST', '/api/v1/auth/login', { raw: '{"nip": "1985' });
    const unknown = await t.request('POST', '/api/v1/auth/login', { body: { ...ADMIN, role: 'ADMIN' } });
    const wrongType = await t.request('POST', '/api/v1/auth/login', {
      body: { nip: 198501012010011001, password: 'x' },
    });
    for (const r of [malformed, unknown, wrongType]) {
      expect(r.status).toBe(400);
      expect(r.body).toEqual(
        expect.objectContaining({
          statusCode: 400,
          error: 'Bad Request',
          message: expect.any(String),
          details: expect.any(Array),
          correlationId: expect.any(String),
        }),
      );
    }
    expect(unknown.body.details).toEqual([{ field: 'role', problem: 'should not exist' }]);
    expect(wrongType.body.details[0].field).toBe('nip');
  });

  it('keeps a sane incoming X-Correlation-Id as the prefix of a unique correlation id', async () => {
    const r = await t.request('GET', '/api/v1/nothing-here', { headers: { 'x-correlation-id': 'abc-12345678' } });
    expect(r.status).toBe(404);
    expect(r.body.correlationId).toMatch(/^abc-12345678\.[0-9a-f]{12}$/);
  });

  it('requires authentication (401) and the ADMIN role (403) where declared', async () => {
    expect((await t.request('POST', '/api/v1/units', { body: { code: 'X', name: 'X' } })).status).toBe(401);
    expect(
      (await t.request('POST', '/api/v1/units', { token: 'not-a-jwt', body: { code: 'X', name: 'X' } })).status,
    ).toBe(401);
  });

  it('issues API keys shown once, stored hashed, scoped and revocable', async () => {
    const admin = await t.adminToken();
    const created = await t.request('POST', '/api/v1/api-keys', {
      token: admin,
      body: { name: 'payroll', scopes: ['payroll:read'] },
    });
    expect(created.status).toBe(201);
    const { id, key } = created.body;
    expect(key).toMatch(/^skp_[0-9a-f]{12}_/);
    const stored = await t.dataSource.query(`SELECT key_hash FROM api_keys WHERE id = $1`, [id]);
    expect(stored[0].key_hash).not.toContain(key.slice(18));
    expect(stored[0].key_hash).toHaveLength(64);
    // a key may not call a route that does not accept its scope
    expect((await t.request('GET', '/api/v1/auth/me', { apiKey: key })).status).toBe(403);
    expect((await t.request('GET', '/api/v1/auth/me', { apiKey: `${key}x` })).status).toBe(401);
    const list = await t.request('GET', '/api/v1/api-keys', { token: admin });
    expect(list.body.items.find((k: { id: string }) => k.id === id)).not.toHaveProperty('keyHash');
    expect((await t.request('DELETE', `/api/v1/api-keys/${id}`, { token: admin })).status).toBe(204);
    expect((await t.request('DELETE', `/api/v1/api-keys/${id}`, { token: admin })).status).toBe(404);
    const audit = await t.dataSource.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['api-key.create', 'api-key.revoke']);
  });

  it('protects the queue board: 401 without credentials, 200 for an ADMIN', async () => {
    expect((await t.request('GET', '/admin/queues')).status).toBe(401);
    const basic = Buffer.from(`${ADMIN.nip}:${ADMIN.password}`).toString('base64');
    const ok = await t.request('GET', '/admin/queues', { headers: { authorization: `Basic ${basic}` } });
    expect(ok.status).toBe(200);
  });

  it('rate-limits repeated login failures with 429', async () => {
    const nip = '199912312020121999';
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++)
      statuses.push((await t.request('POST', '/api/v1/auth/login', { body: { nip, password: `guess-${i}` } })).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('keeps the audit log append-only at the database level', async () => {
    await expect(t.dataSource.query(`UPDATE audit_log SET actor = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
  });
});
