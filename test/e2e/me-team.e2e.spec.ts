import {
  approvedStaffSkps,
  createEvalOrg,
  EvalOrg,
  putRealizations,
  rate,
  setToday,
} from '../support/evaluation-fixtures';
import { createTestApp, TestApp } from '../support/test-app';

jest.setTimeout(120_000);

/** GET /me and GET /me/team: identity and relations on a date, the PPK's team with statuses in one call. */
describe('GET /me and /me/team', () => {
  let t: TestApp;
  let org: EvalOrg;
  let skps: Awaited<ReturnType<typeof approvedStaffSkps>>;
  beforeAll(async () => {
    t = await createTestApp();
    setToday(t, '2026-03-02');
    org = await createEvalOrg(t, 3);
    // Two of three staff have an approved SKP; the first has realisations and a rating for Q1.
    skps = await approvedStaffSkps(t, { ...org, staff: org.staff.slice(0, 2) });
    expect((await putRealizations(t, org.staff[0], skps[0], '2026-Q1')).status).toBe(200);
    expect((await rate(t, org.ppk, skps[0], '2026-Q1', 'SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI')).status).toBe(200);
  });
  afterAll(async () => {
    t.clock.reset();
    await t.close();
  });

  it('a staff member: EMPLOYEE only, with position, unit, PPK and atasan PPK', async () => {
    const r = await t.request('GET', '/api/v1/me', { token: org.staff[0].token });
    expect(r.status).toBe(200);
    expect(r.body.on).toBe('2026-03-02');
    expect(r.body.roles).toEqual(['EMPLOYEE']);
    expect(r.body.account).toEqual({ nip: org.staff[0].nip, role: 'EMPLOYEE' });
    expect(r.body.employee).toMatchObject({
      nip: org.staff[0].nip,
      unitCode: org.unitCode,
      ppkNip: org.ppk.nip,
      atasanPpkNip: org.head.nip,
      position: { kind: 'PELAKSANA' },
    });
    expect(r.body.ppk.nip).toBe(org.ppk.nip);
    expect(r.body.atasanPpk.nip).toBe(org.head.nip);
    expect(r.body.ppkOf).toEqual([]);
    expect(r.body.atasanPpkOf).toEqual([]);
  });

  it('the PPK: EMPLOYEE and PPK of the three staff; the head: atasan PPK of them and PPK of the PPK', async () => {
    const ppk = await t.request('GET', '/api/v1/me', { token: org.ppk.token });
    expect(ppk.body.roles).toEqual(['EMPLOYEE', 'PPK']);
    expect(ppk.body.ppkOf.map((x: { nip: string }) => x.nip).sort()).toEqual(org.staff.map((s) => s.nip).sort());
    const head = await t.request('GET', '/api/v1/me', { token: org.head.token });
    expect(head.body.roles).toEqual(['EMPLOYEE', 'PPK', 'ATASAN_PPK']);
    expect(head.body.ppkOf.map((x: { nip: string }) => x.nip)).toEqual([org.ppk.nip]);
    expect(head.body.atasanPpkOf.map((x: { nip: string }) => x.nip).sort()).toEqual(org.staff.map((s) => s.nip).sort());
    expect(head.body.atasanPpkOf.every((x: { ppkNip: string }) => x.ppkNip === org.ppk.nip)).toBe(true);
  });

  it('relations are judged on ?on=: before the assignments began nobody is anyone’s PPK', async () => {
    const r = await t.request('GET', '/api/v1/me?on=2024-06-30', { token: org.ppk.token });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ on: '2024-06-30', roles: [], employee: null, ppk: null, ppkOf: [] });
  });

  it('a Plt: the acting official sees the Plt delegations of the year (for an ACTING SKP), not a Plh; others see none', async () => {
    const admin = await t.adminToken();
    const created = await t.request('POST', '/api/v1/delegations', {
      token: admin,
      body: {
        employeeNip: org.staff[2].nip,
        ppkNip: org.head.nip,
        kind: 'PLT',
        validFrom: '2026-06-01',
        validTo: '2026-08-31',
      },
    });
    expect(created.status).toBe(201);
    const plh = await t.request('POST', '/api/v1/delegations', {
      token: admin,
      body: {
        employeeNip: org.staff[1].nip,
        ppkNip: org.head.nip,
        kind: 'PLH',
        validFrom: '2026-06-01',
        validTo: '2026-06-10',
      },
    });
    expect(plh.status).toBe(201);
    const head = await t.request('GET', '/api/v1/me', { token: org.head.token });
    expect(head.body.plt).toEqual([
      {
        delegationId: created.body.items[0].id,
        nip: org.staff[2].nip,
        name: created.body.items[0].employeeName,
        validFrom: '2026-06-01',
        validTo: '2026-08-31',
      },
    ]);
    expect((await t.request('GET', '/api/v1/me?on=2025-12-31', { token: org.head.token })).body.plt).toEqual([]);
    expect((await t.request('GET', '/api/v1/me', { token: org.staff[2].token })).body.plt).toEqual([]);
  });

  it('the bootstrap admin: ADMIN without an employee record', async () => {
    const r = await t.request('GET', '/api/v1/me', { token: await t.adminToken() });
    expect(r.status).toBe(200);
    expect(r.body.roles).toContain('ADMIN');
    expect(r.body.account.role).toBe('ADMIN');
  });

  it('team: each report with the SKP status of the year and the evaluations started, in a few queries', async () => {
    // Counts SQL statements (EntityManager.query goes through DataSource.query).
    const spy = jest.spyOn(t.dataSource, 'query');
    const r = await t.request('GET', '/api/v1/me/team?year=2026', { token: org.ppk.token });
    const queries = spy.mock.calls.length;
    spy.mockRestore();
    expect(r.status).toBe(200);
    expect(r.body.year).toBe(2026);
    const byNip = new Map(r.body.items.map((i: { nip: string }) => [i.nip, i]));
    expect(r.body.items).toHaveLength(3);
    expect(byNip.get(org.staff[0].nip)).toMatchObject({
      relation: 'PPK',
      ppkNip: org.ppk.nip,
      skp: { id: skps[0].id, status: 'APPROVED' },
      evaluations: [
        { period: '2026-Q1', periodKind: 'QUARTERLY', status: 'RATED', predicate: 'BAIK', objectionDeadline: null },
      ],
    });
    expect(byNip.get(org.staff[1].nip)).toMatchObject({ skp: { status: 'APPROVED' }, evaluations: [] });
    expect(byNip.get(org.staff[2].nip)).toMatchObject({ skp: null, evaluations: [] });
    // Not one query per report: the org, SKP and evaluation reads are one query each.
    expect(queries).toBeLessThanOrEqual(6);
  });

  it('team of the head: the PPK as a direct report, the staff as ATASAN_PPK (filterable)', async () => {
    const all = await t.request('GET', '/api/v1/me/team', { token: org.head.token });
    expect(all.body.items.map((i: { relation: string }) => i.relation)).toEqual([
      'PPK',
      'ATASAN_PPK',
      'ATASAN_PPK',
      'ATASAN_PPK',
    ]);
    const only = await t.request('GET', '/api/v1/me/team?relation=ATASAN_PPK', { token: org.head.token });
    expect(only.body.items).toHaveLength(3);
    expect(only.body.items.every((i: { ppkNip: string }) => i.ppkNip === org.ppk.nip)).toBe(true);
  });

  it('a staff member has no team; bad input is a 400 in the contract shape; no token is 401', async () => {
    const none = await t.request('GET', '/api/v1/me/team', { token: org.staff[1].token });
    expect(none.body.items).toEqual([]);
    const bad = await t.request('GET', '/api/v1/me/team?year=1999&on=kemarin', { token: org.ppk.token });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['on', 'year']);
    expect((await t.request('GET', '/api/v1/me')).status).toBe(401);
  });
});
