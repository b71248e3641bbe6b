import { createHmac } from 'node:crypto';
import { createSmallUnit } from '../support/fixtures';
import { ADMIN, createTestApp, TestApp } from '../support/test-app';

/** Replays the token findings (Medium 5) and lastUsedAt (Low): tokens are bound to the account as it is now. */
describe('security: tokens bound to the account (HTTP through the real app)', () => {
  let t: TestApp;
  const secret = process.env.JWT_SECRET!;
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  function forge(claims: Record<string, unknown>, alg: 'HS256' | 'HS512' = 'HS256'): string {
    const head = `${b64({ alg, typ: 'JWT' })}.${b64(claims)}`;
    const sig = createHmac(alg === 'HS256' ? 'sha256' : 'sha512', secret)
      .update(head)
      .digest('base64url');
    return `${head}.${sig}`;
  }
  const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses a correctly signed token whose sub is no account, even claiming ADMIN', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = forge({
      sub: '00000000-0000-4000-8000-000000000001',
      nip: '199001012020011001',
      role: 'ADMIN',
      emp: null,
      ver: 0,
      iss: 'skp-engine',
      iat: now,
      exp: now + 600,
    });
    const r = await t.request('GET', '/api/v1/api-keys', { token });
    expect(r.status).toBe(401);
    expect(r.body).toMatchObject({ statusCode: 401, details: [] });
  });

  it('refuses tokens without exp and tokens signed with another algorithm (HS512)', async () => {
    const real = claimsOf(await t.adminToken());
    const { exp: _exp, ...noExp } = real;
    expect((await t.request('GET', '/api/v1/api-keys', { token: forge(noExp) })).status).toBe(401);
    expect((await t.request('GET', '/api/v1/api-keys', { token: forge(real, 'HS512') })).status).toBe(401);
    // the same claims, HS256, still work: the refusals above are about exp and the algorithm
    expect((await t.request('GET', '/api/v1/api-keys', { token: forge(real) })).status).toBe(200);
  });

  it('revokes a disabled employee’s token at once and refuses its login; enabling needs a new login', async () => {
    const org = await createSmallUnit(t, { staff: 1 });
    const emp = org.staff[0];
    const token = await t.login(emp.nip, emp.password);
    expect((await t.request('GET', '/api/v1/auth/me', { token })).status).toBe(200);
    const admin = await t.adminToken();
    const off = await t.request('PATCH', `/api/v1/accounts/${emp.nip}`, { token: admin, body: { disabled: true } });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ nip: emp.nip, disabled: true, role: 'EMPLOYEE' });
    expect((await t.request('GET', '/api/v1/auth/me', { token })).status).toBe(401);
    expect((await t.request('POST', '/api/v1/auth/login', { body: emp })).status).toBe(401);
    expect(
      (await t.request('PATCH', `/api/v1/accounts/${emp.nip}`, { token: admin, body: { disabled: false } })).status,
    ).toBe(200);
    expect((await t.request('GET', '/api/v1/auth/me', { token })).status).toBe(401);
    expect((await t.request('GET', '/api/v1/auth/me', { token: await t.login(emp.nip, emp.password) })).status).toBe(
      200,
    );
    const audit = await t.dataSource.query(
      `SELECT action FROM audit_log WHERE entity_type = 'UserAccount' AND entity_id = $1 ORDER BY id`,
      [emp.nip],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['account.update', 'account.update']);
  });

  it('a role change revokes the old token (its role no longer matches); a password change revokes every token', async () => {
    const org = await createSmallUnit(t, { staff: 1 });
    const emp = org.staff[0];
    const admin = await t.adminToken();
    const before = await t.login(emp.nip, emp.password);
    expect(
      (await t.request('PATCH', `/api/v1/accounts/${emp.nip}`, { token: admin, body: { role: 'ADMIN' } })).status,
    ).toBe(200);
    expect((await t.request('GET', '/api/v1/api-keys', { token: before })).status).toBe(401);
    const asAdmin = await t.login(emp.nip, emp.password);
    expect((await t.request('GET', '/api/v1/api-keys', { token: asAdmin })).status).toBe(200);
    expect(
      (await t.request('PATCH', `/api/v1/accounts/${emp.nip}`, { token: admin, body: { role: 'EMPLOYEE' } })).status,
    ).toBe(200);
    expect((await t.request('GET', '/api/v1/api-keys', { token: asAdmin })).status).toBe(401);

    const second = await t.login(emp.nip, emp.password);
    const wrong = await t.request('POST', '/api/v1/auth/password', {
      token: second,
      body: { currentPassword: 'not-it', newPassword: 'a-new-password-2026' },
    });
    expect(wrong.status).toBe(401);
    const ok = await t.request('POST', '/api/v1/auth/password', {
      token: second,
      body: { currentPassword: emp.password, newPassword: 'a-new-password-2026' },
    });
    expect(ok.status).toBe(204);
    expect((await t.request('GET', '/api/v1/auth/me', { token: second })).status).toBe(401);
    const fresh = await t.login(emp.nip, 'a-new-password-2026');
    expect(
      (
        await t.request('PUT', `/api/v1/accounts/${emp.nip}/password`, {
          token: admin,
          body: { newPassword: 'reset-by-bkpsdm-1' },
        })
      ).status,
    ).toBe(204);
    expect((await t.request('GET', '/api/v1/auth/me', { token: fresh })).status).toBe(401);
    expect(
      (await t.request('GET', '/api/v1/auth/me', { token: await t.login(emp.nip, 'reset-by-bkpsdm-1') })).status,
    ).toBe(200);
  });

  it('keeps the last enabled ADMIN (409) and answers 404 for an unknown account, 400 for a malformed NIP', async () => {
    const admin = await t.adminToken();
    const admins = await t.dataSource.query(`SELECT nip FROM user_accounts WHERE role = 'ADMIN' AND NOT disabled`);
    if (admins.length === 1)
      expect(
        (await t.request('PATCH', `/api/v1/accounts/${ADMIN.nip}`, { token: admin, body: { disabled: true } })).status,
      ).toBe(409);
    expect((await t.request('GET', '/api/v1/accounts/199901012020011999', { token: admin })).status).toBe(404);
    expect((await t.request('GET', '/api/v1/accounts/12x', { token: admin })).status).toBe(400);
  });

  it('records an API key’s lastUsedAt when it is used', async () => {
    const admin = await t.adminToken();
    const created = await t.request('POST', '/api/v1/api-keys', {
      token: admin,
      body: { name: 'payroll-lastused', scopes: ['payroll:read'] },
    });
    expect(created.status).toBe(201);
    const r = await t.request('GET', '/api/v1/payroll/allowances?month=2026-01', { apiKey: created.body.key });
    expect(r.status).toBeLessThan(500);
    let lastUsed: string | null = null;
    for (let i = 0; i < 50 && !lastUsed; i++) {
      [{ last_used_at: lastUsed }] = await t.dataSource.query(`SELECT last_used_at FROM api_keys WHERE id = $1`, [
        created.body.id,
      ]);
      if (!lastUsed) await new Promise((res) => setTimeout(res, 100));
    }
    expect(lastUsed).not.toBeNull();
  });
});
