import { createChain, createEmployee, createUnit, skpBody } from '../support/org-skp-fixtures';
import { createTestApp, TestApp } from '../support/test-app';

describe('a mid-year transfer changes the PPK from the transfer date on; earlier dates are unchanged', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.adminToken();
  });
  afterEach(() => t.clock.reset());
  afterAll(async () => {
    await t.close();
  });

  /** Moves the application clock to noon (Jakarta) of a date. */
  function setToday(date: string) {
    t.clock.reset();
    t.clock.advance(Date.parse(`${date}T05:00:00Z`) - Date.now());
    expect(t.clock.today()).toBe(date);
  }
  const view = async (nip: string, on: string) =>
    (await t.request('GET', `/api/v1/employees/${nip}?on=${on}`, { token: admin })).body;

  it('answers the old PPK before the transfer and the new one from it, for the employee view, the SKP rights and the gaps report', async () => {
    const c = await createChain(t);
    const newUnit = await createUnit(t);
    const newPpk = await createEmployee(t, {
      unitCode: newUnit,
      kind: 'PENGAWAS',
      supervisorNip: c.admin.nip,
      kelasJabatan: 9,
    });
    setToday('2026-03-15');
    const skp = await t.request('POST', '/api/v1/skp', { token: c.staff.token, body: skpBody(2026) });
    expect(skp.status).toBe(201);
    expect(skp.body.snapshots.atCreation.ppk.nip).toBe(c.ppk.nip);

    const before = await view(c.staff.nip, '2026-06-30');
    const m = await t.request('PATCH', `/api/v1/employees/${c.staff.nip}`, {
      token: admin,
      body: {
        effectiveFrom: '2026-07-01',
        unitCode: newUnit,
        supervisorNip: newPpk.nip,
        reason: 'Mutasi SK Bupati 821/45/2026',
      },
    });
    expect(m.status).toBe(200);

    // Earlier dates answer exactly as before; the transfer date and later answer the new unit and PPK.
    // (only the end of the old row's validity and the history list grow)
    const asOf = ({ history: _h, validTo: _v, ...facts }: Record<string, unknown>) => facts;
    expect(asOf(await view(c.staff.nip, '2026-06-30'))).toEqual(asOf(before));
    expect(before).toMatchObject({ unitCode: c.unitCode, ppkNip: c.ppk.nip, atasanPpkNip: c.admin.nip });
    expect(await view(c.staff.nip, '2026-01-01')).toMatchObject({ unitCode: c.unitCode, ppkNip: c.ppk.nip });
    const after = await view(c.staff.nip, '2026-07-01');
    expect(after).toMatchObject({ unitCode: newUnit, ppkNip: newPpk.nip, atasanPpkNip: c.admin.nip });
    expect(
      after.history.map((h: { validFrom: string; validTo: string | null; unitCode: string }) => [
        h.validFrom,
        h.validTo,
        h.unitCode,
      ]),
    ).toEqual([
      ['2025-01-01', '2026-07-01', c.unitCode],
      ['2026-07-01', null, newUnit],
    ]);

    // Before the transfer date the old PPK acts on the SKP; from it, the new PPK does.
    expect((await t.request('POST', `/api/v1/skp/${skp.body.id}/submit`, { token: c.staff.token })).status).toBe(200);
    expect((await t.request('GET', `/api/v1/skp/${skp.body.id}`, { token: c.ppk.token })).status).toBe(200);
    expect((await t.request('GET', `/api/v1/skp/${skp.body.id}`, { token: newPpk.token })).status).toBe(404);
    setToday('2026-07-01');
    expect((await t.request('GET', `/api/v1/skp/${skp.body.id}`, { token: c.ppk.token })).status).toBe(404);
    expect((await t.request('POST', `/api/v1/skp/${skp.body.id}/approve`, { token: c.ppk.token })).status).toBe(404);
    const approved = await t.request('POST', `/api/v1/skp/${skp.body.id}/approve`, { token: newPpk.token });
    expect(approved.status).toBe(200);
    expect(approved.body.snapshots.atCreation).toMatchObject({
      onDate: '2026-03-15',
      employee: { unitCode: c.unitCode },
      ppk: { nip: c.ppk.nip },
    });
    expect(approved.body.snapshots.atApproval).toMatchObject({
      onDate: '2026-07-01',
      employee: { unitCode: newUnit },
      ppk: { nip: newPpk.nip },
    });

    // The gaps report follows the same dates: the staff member is in the old unit until June, in the new one from July.
    const oldUnitJune = await t.request('GET', `/api/v1/units/${c.unitCode}/gaps?on=2026-06-30`, { token: admin });
    const oldUnitJuly = await t.request('GET', `/api/v1/units/${c.unitCode}/gaps?on=2026-07-01`, { token: admin });
    expect(oldUnitJune.body.population - oldUnitJuly.body.population).toBe(1);
    const newUnitJuly = await t.request('GET', `/api/v1/units/${newUnit}/gaps?on=2026-07-01`, { token: admin });
    expect(newUnitJuly.body.population).toBe(2);
    // PPK fine, SKP approved; approved while the new PPK had no approved SKP, its UTAMA results intervene nothing yet.
    expect(
      newUnitJuly.body.items
        .find((i: { nip: string }) => i.nip === c.staff.nip)
        .reasons.map((r: { code: string }) => r.code),
    ).toEqual(['UNLINKED_RESULTS']);
  });

  it('keeps a backdated mutation between existing rows without touching other dates', async () => {
    const c = await createChain(t);
    await t.request('PATCH', `/api/v1/employees/${c.jf.nip}`, {
      token: admin,
      body: { effectiveFrom: '2026-09-01', golongan: 'III/c' },
    });
    await t.request('PATCH', `/api/v1/employees/${c.jf.nip}`, {
      token: admin,
      body: { effectiveFrom: '2026-04-01', supervisorNip: c.admin.nip },
    });
    expect(await view(c.jf.nip, '2026-03-31')).toMatchObject({ golongan: 'III/a', ppkNip: c.ppk.nip });
    expect(await view(c.jf.nip, '2026-04-01')).toMatchObject({ golongan: 'III/a', ppkNip: c.admin.nip });
    expect(await view(c.jf.nip, '2026-09-01')).toMatchObject({ golongan: 'III/c' });
  });
});
