import { createSmallUnit, nextUnitCode } from '../support/fixtures';
import { createTestApp, HttpResult, TestApp } from '../support/test-app';

/** Replays Medium 3 and the Low input findings: odd input answers 4xx in the contract shape, never 5xx, never echoed. */
describe('security: input that never reaches PostgreSQL malformed (HTTP through the real app)', () => {
  let t: TestApp;
  let admin: string;
  let employeeNip: string;

  function expectContract(r: HttpResult, status: number, field?: string) {
    expect(r.status).toBe(status);
    expect(r.body).toEqual(
      expect.objectContaining({
        statusCode: status,
        error: expect.any(String),
        message: expect.any(String),
        details: expect.any(Array),
        correlationId: expect.any(String),
      }),
    );
    if (field) expect(r.body.details.map((d: { field: string }) => d.field)).toContain(field);
  }
  const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.adminToken();
    employeeNip = (await createSmallUnit(t, { staff: 1 })).staff[0].nip;
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses a NUL byte in path parameters, query filters and body texts with 400 naming the field', async () => {
    expectContract(await t.request('GET', '/api/v1/employees/%00', { token: admin }), 400, 'nip');
    expectContract(await t.request('GET', '/api/v1/units/%00', { token: admin }), 400, 'code');
    expectContract(await t.request('GET', '/api/v1/discipline/cases?unitCode=%00', { token: admin }), 400, 'unitCode');
    expectContract(
      await t.request('POST', '/api/v1/units', {
        token: admin,
        body: { code: nextUnitCode(), name: 'Dinas\u0000Sosial', parentCode: null },
      }),
      400,
      'name',
    );
    expectContract(
      await t.request('POST', '/api/v1/skp', {
        token: admin,
        body: { employeeNip, year: 2026, items: [{ indicator: 'a\u0000b' }] },
      }),
      400,
      'items[0].indicator',
    );
    expectContract(
      await t.request('POST', '/api/v1/discipline/cases', {
        token: admin,
        body: { employeeNip, reportedBy: 'x\u0000y' },
      }),
      400,
      'reportedBy',
    );
  });

  it('refuses bidi-override and zero-width characters in identifiers and names, control characters in free text', async () => {
    expectContract(
      await t.request('POST', '/api/v1/units', {
        token: admin,
        body: { code: nextUnitCode(), name: 'Dinas \u202EsoSial', parentCode: null },
      }),
      400,
      'name',
    );
    expectContract(
      await t.request('POST', '/api/v1/units', {
        token: admin,
        body: { code: `${nextUnitCode()}\u200B`, name: 'Dinas Sosial', parentCode: null },
      }),
      400,
      'code',
    );
    expectContract(
      await t.request('POST', '/api/v1/discipline/cases', {
        token: admin,
        body: { employeeNip, description: 'bell\u0007' },
      }),
      400,
      'description',
    );
    // a unit with a clean name is created: the guard refuses characters, not names
    expect(
      (
        await t.request('POST', '/api/v1/units', {
          token: admin,
          body: { code: nextUnitCode(), name: 'Dinas Sosial', parentCode: null },
        })
      ).status,
    ).toBe(201);
  });

  it('refuses control and invisible characters in CSV import cells, naming row and column, writing nothing', async () => {
    const unit = nextUnitCode();
    expect(
      (
        await t.request('POST', '/api/v1/units', {
          token: admin,
          body: { code: unit, name: `Unit ${unit}`, parentCode: null },
        })
      ).status,
    ).toBe(201);
    const header = 'nip,name,status,golongan,unitCode,positionTitle,positionKind,kelasJabatan,tmt';
    const csv = `${header}\n199201012020011901,Budi\u0000Santoso,PNS,III/a,${unit},Analis,PELAKSANA,7,2025-01-01\n199201012020011902,Ani\u200DWati,PNS,III/a,${unit},Analis,PELAKSANA,7,2025-01-01\n`;
    const r = await t.request('POST', '/api/v1/employees/import', { token: admin, raw: csv, contentType: 'text/csv' });
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 1, field: 'name' }),
        expect.objectContaining({ row: 2, field: 'name' }),
      ]),
    );
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM employees WHERE nip IN ('199201012020011901', '199201012020011902')`,
    );
    expect(n).toBe(0);
  });

  it('answers JSON nested 10,000 deep with 400 (not a stack overflow), on SKP and on a rule set', async () => {
    expectContract(
      await t.request('POST', '/api/v1/skp', { token: admin, raw: `{"items":${nested(10_000)}}` }),
      400,
      'body',
    );
    expectContract(
      await t.request('PUT', '/api/v1/allowance/rule-sets/DEEP', {
        token: admin,
        raw: `{"overrides":${nested(10_000)}}`,
      }),
      400,
      'body',
    );
    expectContract(
      await t.request('POST', '/api/v1/skp', { token: admin, raw: `{"items":${nested(1_000)}}` }),
      400,
      'body',
    );
  });

  it('validates date query parameters like body dates: ?on=2026-03 and ?from=2026-02-30 are 400', async () => {
    expectContract(await t.request('GET', `/api/v1/employees/${employeeNip}?on=2026-03`, { token: admin }), 400, 'on');
    expectContract(await t.request('GET', '/api/v1/discipline/cases?from=2026-02-30', { token: admin }), 400, 'from');
    expectContract(
      await t.request('GET', '/api/v1/discipline/cases/export?from=2026-02-30', { token: admin }),
      400,
      'from',
    );
    expect((await t.request('GET', `/api/v1/employees/${employeeNip}?on=2026-03-31`, { token: admin })).status).toBe(
      200,
    );
  });

  it('maps Fastify’s own errors (414, 415, 413, unknown method 405 with Allow, 404) into the contract shape without echoing input', async () => {
    const longParam = 'A'.repeat(300);
    const long = await t.request('GET', `/api/v1/employees/${longParam}`, { token: admin });
    expectContract(long, 414);
    expect(long.text).not.toContain(longParam);

    const xml = await t.request('POST', '/api/v1/units', {
      token: admin,
      raw: '<unit evil-type/>',
      contentType: 'application/x-evil-type',
    });
    expectContract(xml, 415);
    expect(xml.text).not.toContain('evil-type');

    const big = await t.request('POST', '/api/v1/units', {
      token: admin,
      raw: `{"name":"${'x'.repeat(21 * 1024 * 1024)}"}`,
    });
    expectContract(big, 413);

    const del = await t.request('DELETE', '/api/v1/auth/login');
    expectContract(del, 405);
    expect(del.headers.get('allow')).toBe('POST');
    const put = await t.request('PUT', `/api/v1/employees/${employeeNip}`, { token: admin, body: {} });
    expectContract(put, 405);
    expect(put.headers.get('allow')).toEqual(expect.stringContaining('GET'));

    const missing = await t.request('GET', '/api/v1/no-such-thing-marker');
    expectContract(missing, 404);
    expect(missing.text).not.toContain('no-such-thing-marker');
  });

  it('marks authenticated responses Cache-Control: no-store (JSON and CSV)', async () => {
    const json = await t.request('GET', `/api/v1/employees/${employeeNip}`, { token: admin });
    expect(json.headers.get('cache-control')).toBe('no-store');
    const csv = await t.request('GET', '/api/v1/discipline/cases/export', { token: admin });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('cache-control')).toBe('no-store');
  });
});
