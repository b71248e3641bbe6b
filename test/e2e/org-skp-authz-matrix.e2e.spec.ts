import {
  approvedSkp,
  behaviors,
  createApiKey,
  createChain,
  createEmployee,
  createUnit,
  currentYear,
  Person,
  skpBody,
  uniqueNip,
  uniqueUnitCode,
} from '../support/org-skp-fixtures';
import { createTestApp, RequestOptions, TestApp } from '../support/test-app';

type Role = 'admin' | 'self' | 'ppk' | 'atasanPpk' | 'unrelated' | 'apiKey';
const ROLES: Role[] = ['admin', 'self', 'ppk', 'atasanPpk', 'unrelated', 'apiKey'];

/**
 * Every role against every endpoint of issue 5. "self" is the rated employee (a pelaksana), "ppk" their
 * pengawas, "atasanPpk" the pengawas's administrator, "unrelated" an employee of another unit.
 * Each endpoint's allowed role runs last, so the refusals see the state the success needs.
 */
describe('authorisation matrix: organisation and SKP planning endpoints', () => {
  let t: TestApp;
  let year: number;
  const auth: Record<Role, Pick<RequestOptions, 'token' | 'apiKey'>> = {} as never;
  let c: Awaited<ReturnType<typeof createChain>>;
  let other: Person;

  beforeAll(async () => {
    t = await createTestApp();
    year = currentYear(t);
    c = await createChain(t);
    other = await createEmployee(t, {
      unitCode: c.unitCode,
      kind: 'PELAKSANA',
      supervisorNip: c.ppk.nip,
      kelasJabatan: 5,
    });
    const unrelated = await createEmployee(t, { unitCode: await createUnit(t), kind: 'PENGAWAS', kelasJabatan: 9 });
    auth.admin = { token: await t.adminToken() };
    auth.self = { token: c.staff.token };
    auth.ppk = { token: c.ppk.token };
    auth.atasanPpk = { token: c.admin.token };
    auth.unrelated = { token: unrelated.token };
    auth.apiKey = { apiKey: await createApiKey(t) };
  });
  afterAll(async () => {
    await t.close();
  });

  /** Runs `call` for each role (the last-listed roles run last) and returns the statuses by role. */
  async function run(
    order: Role[],
    call: (role: Role, o: Pick<RequestOptions, 'token' | 'apiKey'>) => Promise<{ status: number }>,
  ): Promise<Record<Role, number>> {
    const out = {} as Record<Role, number>;
    for (const role of order) out[role] = (await call(role, auth[role])).status;
    return out;
  }
  const successLast = (...last: Role[]): Role[] => [...ROLES.filter((r) => !last.includes(r)), ...last];
  const adminOnly = (ok: number) => ({ admin: ok, self: 403, ppk: 403, atasanPpk: 403, unrelated: 403, apiKey: 403 });

  async function skpIn(state: 'DRAFT' | 'SUBMITTED', y: number): Promise<string> {
    const s = await t.request('POST', '/api/v1/skp', { token: c.staff.token, body: skpBody(y) });
    if (s.status !== 201) throw new Error(s.text);
    if (state === 'SUBMITTED') await t.request('POST', `/api/v1/skp/${s.body.id}/submit`, { token: c.staff.token });
    return s.body.id;
  }

  it('master data and reports: ADMIN only (employees read by self, PPK and atasan PPK)', async () => {
    const matrix: Record<string, Record<Role, number>> = {};
    matrix['POST /units'] = await run(successLast('admin'), (_r, o) =>
      t.request('POST', '/api/v1/units', {
        ...o,
        body: { code: uniqueUnitCode('M'), name: 'Unit matriks', parentCode: c.unitCode },
      }),
    );
    matrix['GET /units/:code'] = await run(ROLES, (_r, o) => t.request('GET', `/api/v1/units/${c.unitCode}`, o));
    matrix['POST /employees'] = await run(successLast('admin'), (_r, o) =>
      t.request('POST', '/api/v1/employees', {
        ...o,
        body: {
          nip: uniqueNip(),
          name: 'Pegawai Matriks',
          status: 'PNS',
          golongan: 'II/a',
          unitCode: c.unitCode,
          supervisorNip: c.ppk.nip,
          position: { title: 'Pengadministrasi', kind: 'PELAKSANA', jenjang: null, kelasJabatan: 5, tmt: '2025-01-01' },
        },
      }),
    );
    matrix['GET /employees/:nip'] = await run(ROLES, (_r, o) =>
      t.request('GET', `/api/v1/employees/${c.staff.nip}`, o),
    );
    matrix['PATCH /employees/:nip'] = await run(successLast('admin'), (_r, o) =>
      t.request('PATCH', `/api/v1/employees/${other.nip}`, {
        ...o,
        body: { effectiveFrom: '2029-06-01', golongan: 'II/d' },
      }),
    );
    matrix['POST /employees/import'] = await run(successLast('admin'), (_r, o) =>
      t.request('POST', '/api/v1/employees/import', {
        ...o,
        body: [
          {
            nip: uniqueNip(),
            name: 'Pegawai Impor',
            status: 'PNS',
            golongan: 'II/a',
            unitCode: c.unitCode,
            supervisorNip: c.ppk.nip,
            position: {
              title: 'Pengadministrasi',
              kind: 'PELAKSANA',
              jenjang: null,
              kelasJabatan: 5,
              tmt: '2025-01-01',
            },
          },
        ],
      }),
    );
    let delegationId = '';
    matrix['POST /delegations'] = await run(successLast('admin'), async (_r, o) => {
      const r = await t.request('POST', '/api/v1/delegations', {
        ...o,
        body: {
          employeeNip: other.nip,
          ppkNip: c.admin.nip,
          kind: 'PLH',
          validFrom: '2030-01-01',
          validTo: '2030-01-31',
        },
      });
      if (r.status === 201) delegationId = r.body.items[0].id;
      return r;
    });
    matrix['GET /delegations'] = await run(ROLES, (_r, o) =>
      t.request('GET', `/api/v1/delegations?employeeNip=${other.nip}`, o),
    );
    matrix['POST /delegations/:id/end'] = await run(successLast('admin'), (_r, o) =>
      t.request('POST', `/api/v1/delegations/${delegationId}/end`, { ...o, body: { validTo: '2030-01-15' } }),
    );
    matrix['GET /units/:code/gaps'] = await run(ROLES, (_r, o) =>
      t.request('GET', `/api/v1/units/${c.unitCode}/gaps?year=${year}`, o),
    );

    const everyoneButKeys = { admin: 200, self: 200, ppk: 200, atasanPpk: 200, unrelated: 200, apiKey: 403 };
    expect(matrix).toEqual({
      'POST /units': adminOnly(201),
      'GET /units/:code': everyoneButKeys,
      'POST /employees': adminOnly(201),
      'GET /employees/:nip': { admin: 200, self: 200, ppk: 200, atasanPpk: 200, unrelated: 404, apiKey: 403 },
      'PATCH /employees/:nip': adminOnly(200),
      'POST /employees/import': adminOnly(200),
      'POST /delegations': adminOnly(201),
      'GET /delegations': adminOnly(200),
      'POST /delegations/:id/end': adminOnly(200),
      'GET /units/:code/gaps': adminOnly(200),
    });
  });

  it('SKP endpoints: the employee writes their own, the PPK on the date approves/rejects, others 404', async () => {
    const matrix: Record<string, Record<Role, number>> = {};
    // Each state-changing endpoint gets its own SKP, one per year (one SKP per employee per year).
    const draft = await skpIn('DRAFT', year + 1);
    const toSubmit = await skpIn('DRAFT', year + 2);
    const toApprove = await skpIn('SUBMITTED', year + 3);
    const toReject = await skpIn('SUBMITTED', year + 4);

    matrix['POST /skp'] = await run(ROLES, (_r, o) =>
      t.request('POST', '/api/v1/skp', { ...o, body: skpBody(year + 5) }),
    );
    matrix['GET /skp/:id'] = await run(ROLES, (_r, o) => t.request('GET', `/api/v1/skp/${draft}`, o));
    matrix['GET /skp/:id/cascade'] = await run(ROLES, (_r, o) => t.request('GET', `/api/v1/skp/${draft}/cascade`, o));
    matrix['PATCH /skp/:id'] = await run(successLast('self'), (_r, o) =>
      t.request('PATCH', `/api/v1/skp/${draft}`, { ...o, body: { behaviors: behaviors() } }),
    );
    matrix['POST /skp/:id/submit'] = await run(successLast('self'), (_r, o) =>
      t.request('POST', `/api/v1/skp/${toSubmit}/submit`, o),
    );
    matrix['POST /skp/:id/approve'] = await run(successLast('ppk'), (_r, o) =>
      t.request('POST', `/api/v1/skp/${toApprove}/approve`, o),
    );
    matrix['POST /skp/:id/reject'] = await run(successLast('ppk'), (_r, o) =>
      t.request('POST', `/api/v1/skp/${toReject}/reject`, { ...o, body: { reason: 'Perlu perbaikan target' } }),
    );

    const sees: Record<Role, boolean> = {} as never;
    for (const role of ROLES) {
      const r = await t.request('GET', `/api/v1/skp?year=${year + 1}&nip=${c.staff.nip}`, auth[role]);
      sees[role] = r.status === 200 && r.body.items.some((i: { id: string }) => i.id === draft);
      matrix['GET /skp'] = { ...(matrix['GET /skp'] ?? {}), [role]: r.status };
    }

    const readers = { admin: 200, self: 200, ppk: 200, atasanPpk: 404, unrelated: 404, apiKey: 403 };
    expect(matrix).toEqual({
      'POST /skp': { admin: 403, self: 201, ppk: 201, atasanPpk: 201, unrelated: 201, apiKey: 403 },
      'GET /skp/:id': readers,
      'GET /skp/:id/cascade': readers,
      'PATCH /skp/:id': { admin: 403, self: 200, ppk: 403, atasanPpk: 404, unrelated: 404, apiKey: 403 },
      'POST /skp/:id/submit': { admin: 403, self: 200, ppk: 403, atasanPpk: 404, unrelated: 404, apiKey: 403 },
      'POST /skp/:id/approve': { admin: 403, self: 403, ppk: 200, atasanPpk: 404, unrelated: 404, apiKey: 403 },
      'POST /skp/:id/reject': { admin: 403, self: 403, ppk: 200, atasanPpk: 404, unrelated: 404, apiKey: 403 },
      'GET /skp': { admin: 200, self: 200, ppk: 200, atasanPpk: 200, unrelated: 200, apiKey: 403 },
    });
    expect(sees).toEqual({ admin: true, self: true, ppk: true, atasanPpk: false, unrelated: false, apiKey: false });
  });

  it('a direct report may read their PPK’s APPROVED SKP only (not a draft, not a peer’s)', async () => {
    const y = year + 6;
    const leaderDraft = await t.request('POST', '/api/v1/skp', { token: c.ppk.token, body: skpBody(y) });
    expect((await t.request('GET', `/api/v1/skp/${leaderDraft.body.id}`, { token: c.staff.token })).status).toBe(404);
    const leader = await approvedSkp(t, c.ppk, c.admin, { ...skpBody(y + 1) });
    expect((await t.request('GET', `/api/v1/skp/${leader.id}`, { token: c.staff.token })).status).toBe(200);
    expect(
      (await t.request('PATCH', `/api/v1/skp/${leader.id}`, { token: c.staff.token, body: { behaviors: behaviors() } }))
        .status,
    ).toBe(403);
    const peer = await t.request('POST', '/api/v1/skp', { token: c.jf.token, body: skpBody(y) });
    expect((await t.request('GET', `/api/v1/skp/${peer.body.id}`, { token: c.staff.token })).status).toBe(404);
    const list = await t.request('GET', `/api/v1/skp?year=${y + 1}`, { token: c.staff.token });
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([leader.id]);
  });
});
