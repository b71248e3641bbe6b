import { createChain, createEmployee, createUnit, currentYear, skpBody } from '../support/org-skp-fixtures';
import { createTestApp, TestApp } from '../support/test-app';

describe('PPK delegations (Plt/Plh/delegasi) and the unit gaps report', () => {
  let t: TestApp;
  let admin: string;
  let year: number;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.adminToken();
    year = currentYear(t);
  });
  afterAll(async () => {
    await t.close();
  });

  const ppkOn = async (nip: string, on: string) =>
    (await t.request('GET', `/api/v1/employees/${nip}?on=${on}`, { token: admin })).body.ppkNip;

  it('a Plh overrides the PPK between its dates (inclusive), is listed, and can be ended early', async () => {
    const c = await createChain(t);
    const r = await t.request('POST', '/api/v1/delegations', {
      token: admin,
      body: {
        employeeNip: c.staff.nip,
        ppkNip: c.admin.nip,
        kind: 'PLH',
        validFrom: '2026-03-01',
        validTo: '2026-03-31',
        reason: 'Kasi cuti besar',
      },
    });
    expect(r.status).toBe(201);
    expect(r.body.items).toEqual([
      expect.objectContaining({
        id: expect.any(String),
        employeeNip: c.staff.nip,
        ppkNip: c.admin.nip,
        kind: 'PLH',
        validFrom: '2026-03-01',
        validTo: '2026-03-31',
        reason: 'Kasi cuti besar',
      }),
    ]);
    expect(await ppkOn(c.staff.nip, '2026-02-28')).toBe(c.ppk.nip);
    expect(await ppkOn(c.staff.nip, '2026-03-01')).toBe(c.admin.nip);
    expect(await ppkOn(c.staff.nip, '2026-03-31')).toBe(c.admin.nip);
    expect(await ppkOn(c.staff.nip, '2026-04-01')).toBe(c.ppk.nip);

    const list = await t.request('GET', `/api/v1/delegations?employeeNip=${c.staff.nip}&on=2026-03-15`, {
      token: admin,
    });
    expect(list.status).toBe(200);
    expect(list.body.items.map((d: { id: string }) => d.id)).toEqual([r.body.items[0].id]);
    expect(
      (await t.request('GET', `/api/v1/delegations?employeeNip=${c.staff.nip}&on=2026-04-15`, { token: admin })).body
        .items,
    ).toEqual([]);

    const ended = await t.request('POST', `/api/v1/delegations/${r.body.items[0].id}/end`, {
      token: admin,
      body: { validTo: '2026-03-10' },
    });
    expect(ended.status).toBe(200);
    expect(ended.body.validTo).toBe('2026-03-10');
    expect(await ppkOn(c.staff.nip, '2026-03-11')).toBe(c.ppk.nip);
    const later = await t.request('POST', `/api/v1/delegations/${r.body.items[0].id}/end`, {
      token: admin,
      body: { validTo: '2026-03-20' },
    });
    expect(later.status).toBe(409);
    const audit = await t.dataSource.query(
      `SELECT action FROM audit_log WHERE entity_type = 'PpkDelegation' AND entity_id = $1 ORDER BY id`,
      [r.body.items[0].id],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['delegation.create', 'delegation.end']);
  });

  it('a Plt for an absent official covers all of their direct reports; lists paginate', async () => {
    const c = await createChain(t);
    const r = await t.request('POST', '/api/v1/delegations', {
      token: admin,
      body: { forReportsOfNip: c.ppk.nip, ppkNip: c.admin.nip, kind: 'PLT', validFrom: '2026-05-01', validTo: null },
    });
    expect(r.status).toBe(201);
    expect(r.body.items.map((d: { employeeNip: string }) => d.employeeNip).sort()).toEqual(
      [c.staff.nip, c.jf.nip].sort(),
    );
    expect(await ppkOn(c.jf.nip, '2026-05-02')).toBe(c.admin.nip);
    // The acting official now approves: the PPK relation follows the delegation.
    const p1 = await t.request('GET', `/api/v1/delegations?ppkNip=${c.admin.nip}&limit=1`, { token: admin });
    expect(p1.body.items).toHaveLength(1);
    const p2 = await t.request('GET', `/api/v1/delegations?ppkNip=${c.admin.nip}&limit=1&after=${p1.body.nextCursor}`, {
      token: admin,
    });
    expect(p2.body.items).toHaveLength(1);
    expect(p2.body.items[0].id).not.toBe(p1.body.items[0].id);
    expect(p2.body.nextCursor).toBeNull();
  });

  it('refuses bad delegations: 400 input, 409 overlap, 422 not in service, 404 unknown id', async () => {
    const c = await createChain(t);
    const base = {
      employeeNip: c.staff.nip,
      ppkNip: c.admin.nip,
      kind: 'PLH',
      validFrom: '2026-06-01',
      validTo: '2026-06-30',
    };
    const both = await t.request('POST', '/api/v1/delegations', {
      token: admin,
      body: { ...base, forReportsOfNip: c.ppk.nip },
    });
    expect(both.status).toBe(400);
    const reversed = await t.request('POST', '/api/v1/delegations', {
      token: admin,
      body: { ...base, validTo: '2026-05-01' },
    });
    expect(reversed.status).toBe(400);
    expect(reversed.body.details[0].field).toBe('validTo');
    const badKind = await t.request('POST', '/api/v1/delegations', { token: admin, body: { ...base, kind: 'ACTING' } });
    expect(badKind.status).toBe(400);
    const unknown = await t.request('POST', '/api/v1/delegations', {
      token: admin,
      body: { ...base, ppkNip: '199901012020011999' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details[0].field).toBe('ppkNip');
    const self = await t.request('POST', '/api/v1/delegations', {
      token: admin,
      body: { ...base, ppkNip: c.staff.nip },
    });
    expect(self.status).toBe(400);
    const cycle = await t.request('POST', '/api/v1/delegations', {
      token: admin,
      body: { ...base, employeeNip: c.ppk.nip, ppkNip: c.staff.nip },
    });
    expect(cycle.status).toBe(422);

    expect((await t.request('POST', '/api/v1/delegations', { token: admin, body: base })).status).toBe(201);
    const overlap = await t.request('POST', '/api/v1/delegations', {
      token: admin,
      body: { ...base, validFrom: '2026-06-30', validTo: null },
    });
    expect(overlap.status).toBe(409);
    expect(overlap.body.message).toContain('/end');

    const notYet = await t.request('POST', '/api/v1/delegations', {
      token: admin,
      body: { ...base, validFrom: '2024-01-01', validTo: '2024-01-31' },
    });
    expect(notYet.status).toBe(422);
    expect(notYet.body.details[0].field).toBe('ppkNip');
    const noReports = await t.request('POST', '/api/v1/delegations', {
      token: admin,
      body: { forReportsOfNip: c.staff.nip, ppkNip: c.admin.nip, kind: 'PLT', validFrom: '2026-07-01' },
    });
    expect(noReports.status).toBe(422);

    expect(
      (
        await t.request('POST', '/api/v1/delegations/6f1c0d1e-1111-4a4a-9a9a-123456789abc/end', {
          token: admin,
          body: { validTo: '2026-07-01' },
        })
      ).status,
    ).toBe(404);
    expect(
      (await t.request('POST', '/api/v1/delegations/nope/end', { token: admin, body: { validTo: '2026-07-01' } }))
        .status,
    ).toBe(404);
  });

  it('reports employees with no PPK, a PPK outside the rules or no SKP, with reason codes; a delegation fixes the PPK gap', async () => {
    const root = await createUnit(t);
    const child = await createUnit(t, root);
    const head = await createEmployee(t, {
      unitCode: root,
      kind: 'ADMINISTRATOR',
      isUnitHead: true,
      kelasJabatan: 11,
      login: false,
    });
    const kasi = await createEmployee(t, {
      unitCode: child,
      kind: 'PENGAWAS',
      supervisorNip: head.nip,
      kelasJabatan: 9,
    });
    const senior = await createEmployee(t, {
      unitCode: child,
      kind: 'PELAKSANA',
      supervisorNip: kasi.nip,
      kelasJabatan: 6,
      login: false,
    });
    const byPelaksana = await createEmployee(t, {
      unitCode: child,
      kind: 'PELAKSANA',
      supervisorNip: senior.nip,
      kelasJabatan: 5,
      login: false,
    });
    const madya = await createEmployee(t, {
      unitCode: child,
      kind: 'FUNGSIONAL',
      jenjang: 'AHLI_MADYA',
      supervisorNip: kasi.nip,
      kelasJabatan: 12,
      login: false,
    });
    expect((await t.request('POST', '/api/v1/skp', { token: kasi.token, body: skpBody(year) })).status).toBe(201);

    const r = await t.request('GET', `/api/v1/units/${root}/gaps?year=${year}&on=${year}-06-30`, { token: admin });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      unitCode: root,
      on: `${year}-06-30`,
      year,
      population: 5,
      withGaps: 4,
      nextCursor: null,
    });
    const codes = Object.fromEntries(
      r.body.items.map((i: { nip: string; reasons: { code: string }[] }) => [i.nip, i.reasons.map((x) => x.code)]),
    );
    expect(codes).toEqual({
      [head.nip]: ['NO_PPK', 'NO_SKP'],
      [senior.nip]: ['NO_SKP'],
      [byPelaksana.nip]: ['PPK_NOT_STRUCTURAL', 'NO_SKP'],
      [madya.nip]: ['PPK_RANK_TOO_LOW', 'NO_SKP'],
    });
    const noPpk = r.body.items.find((i: { nip: string }) => i.nip === head.nip).reasons[0];
    expect(noPpk.message).toContain('POST /delegations');
    expect(r.body.items.find((i: { nip: string }) => i.nip === madya.nip).reasons[0].message).toContain('JPT Pratama');

    // A delegation makes the pelaksana's PPK acceptable from its first day.
    await t.request('POST', '/api/v1/delegations', {
      token: admin,
      body: { employeeNip: byPelaksana.nip, ppkNip: kasi.nip, kind: 'DELEGASI', validFrom: `${year}-06-01` },
    });
    const after = await t.request('GET', `/api/v1/units/${child}/gaps?year=${year}&on=${year}-06-30&limit=1`, {
      token: admin,
    });
    expect(after.body.population).toBe(4);
    expect(after.body.items).toHaveLength(1);
    const page2 = await t.request(
      'GET',
      `/api/v1/units/${child}/gaps?year=${year}&on=${year}-06-30&limit=10&after=${after.body.nextCursor}`,
      { token: admin },
    );
    const reasons = [...after.body.items, ...page2.body.items].find((i: { nip: string }) => i.nip === byPelaksana.nip);
    expect(reasons).toMatchObject({
      ppkNip: kasi.nip,
      ppkDelegated: true,
      reasons: [{ code: 'NO_SKP', message: expect.any(String) }],
    });
    const before = await t.request('GET', `/api/v1/units/${child}/gaps?year=${year}&on=${year}-05-31`, {
      token: admin,
    });
    expect(before.body.items.find((i: { nip: string }) => i.nip === byPelaksana.nip).reasons[0].code).toBe(
      'PPK_NOT_STRUCTURAL',
    );

    expect((await t.request('GET', `/api/v1/units/NOPE-${year}/gaps`, { token: admin })).status).toBe(404);
    expect((await t.request('GET', `/api/v1/units/${root}/gaps?year=20x6`, { token: admin })).status).toBe(400);
    expect((await t.request('GET', `/api/v1/units/${root}/gaps?on=2026-02-30`, { token: admin })).status).toBe(400);
  });

  it('flags a PPK who holds no position on the date (retired / left)', async () => {
    const unit = await createUnit(t);
    const boss = await createEmployee(t, {
      unitCode: unit,
      kind: 'PENGAWAS',
      kelasJabatan: 9,
      from: '2025-01-01',
      login: false,
    });
    const staff = await createEmployee(t, {
      unitCode: unit,
      kind: 'PELAKSANA',
      supervisorNip: boss.nip,
      kelasJabatan: 5,
      login: false,
    });
    // While the boss serves, only the missing SKP is reported.
    const gaps = await t.request('GET', `/api/v1/units/${unit}/gaps?on=2025-01-01`, { token: admin });
    expect(gaps.body.items.find((i: { nip: string }) => i.nip === staff.nip).reasons[0].code).toBe('NO_SKP');
    // The boss leaves service at the end of 2025 (no API ends employment yet; close the history row directly).
    await t.dataSource.query(
      `UPDATE employee_assignments SET valid_to = '2026-01-01' WHERE employee_id = (SELECT id FROM employees WHERE nip = $1)`,
      [boss.nip],
    );
    const later = await t.request('GET', `/api/v1/units/${unit}/gaps?on=2026-02-01`, { token: admin });
    expect(
      later.body.items.find((i: { nip: string }) => i.nip === staff.nip).reasons.map((x: { code: string }) => x.code),
    ).toEqual(['PPK_NOT_IN_SERVICE', 'NO_SKP']);
  });
});
