import { AccessPolicy } from '../../src/authz/access-policy';
import type { Principal } from '../../src/identity/principal';
import { MeModule } from '../../src/me/me.module';
import { MeService } from '../../src/me/me.service';
import { DelegationsService } from '../../src/org/delegations.service';
import { EmployeesService } from '../../src/org/employees.service';
import { OrgDirectory } from '../../src/org/org-directory.service';
import { OrgModule } from '../../src/org/org.module';
import { UnitsService } from '../../src/org/units.service';
import { createMediumModule, type MediumModule } from '../support/medium';
import { mediumEmployee, mediumUnit } from '../support/medium-org';
import { uniqueUnitCode } from '../support/org-skp-fixtures';

/**
 * The team list reads its members in one statement (org's team SQL joined with the SKP and evaluation
 * parts): the members and their PPKs are exactly those AccessPolicy.teamOf and the snapshots give, with a
 * delegation in force overriding the supervisor and people without an assignment on the date left out.
 */
describe('team list (medium: MeService on PostgreSQL)', () => {
  let m: MediumModule;
  let me: MeService;
  let unitCode: string;
  const ON = '2026-06-30';

  const person = async (supervisorNip: string | null, from = '2025-01-01') => {
    const e = await mediumEmployee(m, {
      unitCode,
      supervisorNip,
      kind: 'PELAKSANA',
      kelasJabatan: 7,
      golongan: 'III/a',
      title: 'Pelaksana',
      from,
    });
    return { nip: e.nip, id: e.employeeId };
  };
  const principal = (p: { nip: string; id: string }): Principal => ({
    kind: 'user',
    accountId: p.id,
    nip: p.nip,
    role: 'EMPLOYEE',
    employeeId: p.id,
  });
  /** What the list showed before it was one statement: teamOf, then the snapshots of members and PPKs. */
  const composed = async (p: Principal, on = ON) => {
    const team = await m.get(AccessPolicy).teamOf(p, on);
    const myId = p.kind === 'user' ? p.employeeId : null;
    const members = [
      ...team.ppkOf.map((id) => ({ employeeId: id, ppkId: myId ?? '', relation: 'PPK' })),
      ...team.atasanPpkOf.map((r) => ({ ...r, relation: 'ATASAN_PPK' })),
    ];
    const ids = [...new Set(members.flatMap((x) => [x.employeeId, x.ppkId]))];
    const snaps = new Map((await m.get(OrgDirectory).snapshotsByIds(ids, on)).map((s) => [s.employeeId, s]));
    return members
      .filter((x) => snaps.has(x.employeeId))
      .map((x) => {
        const s = snaps.get(x.employeeId)!;
        return `${x.relation} ${s.nip} ${s.unitCode} ${s.positionTitle} ppk=${snaps.get(x.ppkId)?.nip ?? ''}`;
      })
      .sort();
  };
  const listed = async (p: Principal, relation?: 'PPK' | 'ATASAN_PPK') =>
    (await me.team(p, { on: ON, year: 2026, relation })).items.map((i) => `${i.relation} ${i.nip} ppk=${i.ppkNip}`);
  /** The rows with the unit and title on the date: what a mid-year move changes. */
  const listedOn = async (p: Principal, on: string) =>
    (await me.team(p, { on, year: 2026 })).items
      .map((i) => `${i.relation} ${i.nip} ${i.unitCode} ${i.positionTitle} ppk=${i.ppkNip}`)
      .sort();

  beforeAll(async () => {
    m = await createMediumModule({ imports: [OrgModule, MeModule] });
    me = m.get(MeService);
    unitCode = uniqueUnitCode('TEAM');
    await m.get(UnitsService).create({ code: unitCode, name: 'Unit tim', parentCode: null });
  });
  afterAll(() => m.close());

  it('members, their PPKs and the relation as teamOf and the snapshots give them, in one statement', async () => {
    const head = await person(null);
    const ppk = await person(head.nip);
    const plt = await person(head.nip);
    const a = await person(ppk.nip);
    const b = await person(ppk.nip);
    const delegated = await person(ppk.nip);
    await person(ppk.nip, '2026-09-01'); // not yet assigned on the date
    await m.get(DelegationsService).create({
      employeeNip: delegated.nip,
      ppkNip: plt.nip,
      kind: 'PLT',
      validFrom: '2026-03-01',
      validTo: null,
    } as Parameters<DelegationsService['create']>[0]);

    const spy = jest.spyOn(m.dataSource, 'query');
    const headTeam = await listed(principal(head));
    const statements = spy.mock.calls.length;
    spy.mockRestore();
    expect(statements).toBe(1);
    expect(await listedOn(principal(head), ON)).toEqual(await composed(principal(head)));
    expect([...headTeam].sort()).toEqual(
      [
        `PPK ${ppk.nip} ppk=${head.nip}`,
        `PPK ${plt.nip} ppk=${head.nip}`,
        `ATASAN_PPK ${a.nip} ppk=${ppk.nip}`,
        `ATASAN_PPK ${b.nip} ppk=${ppk.nip}`,
        `ATASAN_PPK ${delegated.nip} ppk=${plt.nip}`,
      ].sort(),
    );
    // PPK rows first.
    expect(headTeam.slice(0, 2).every((x) => x.startsWith('PPK '))).toBe(true);
    expect((await listed(principal(ppk))).sort()).toEqual(
      [`PPK ${a.nip} ppk=${ppk.nip}`, `PPK ${b.nip} ppk=${ppk.nip}`].sort(),
    );
    expect(await listed(principal(plt))).toEqual([`PPK ${delegated.nip} ppk=${plt.nip}`]);
    expect((await listed(principal(head), 'ATASAN_PPK')).every((x) => x.startsWith('ATASAN_PPK '))).toBe(true);
    expect(await listed(principal(a))).toEqual([]);
    const items = (await me.team(principal(ppk), { on: ON, year: 2026 })).items;
    expect(items[0]).toMatchObject({ unitCode, skp: null, evaluations: [] });
  });

  it('mid-year moves: members, units, titles and PPKs as they stand on the date, each PPK resolved per row', async () => {
    const emp = m.get(EmployeesService);
    const otherUnit = await mediumUnit(m, null, 'TEAMB');
    const head = await person(null);
    const ppk1 = await person(head.nip);
    const ppk2 = await person(head.nip);
    const stays = await person(ppk1.nip);
    const leaves = await person(ppk1.nip);
    const joins = await person(ppk2.nip);
    const under2 = await person(ppk2.nip);
    // leaves: to ppk2 from April; joins: to ppk1 in another unit with another title from May; ppk2 itself moves
    // to the other unit from March (same supervisor). Two PPKs on each date, each row with its own.
    await emp.mutate(leaves.nip, { supervisorNip: ppk2.nip, effectiveFrom: '2026-04-01' });
    await emp.mutate(joins.nip, {
      supervisorNip: ppk1.nip,
      unitCode: otherUnit,
      position: {
        title: 'Analis',
        kind: 'PELAKSANA',
        jenjang: null,
        kelasJabatan: 7,
        isUnitHead: false,
        tmt: '2026-05-01',
      },
      effectiveFrom: '2026-05-01',
    } as Parameters<EmployeesService['mutate']>[1]);
    await emp.mutate(ppk2.nip, { unitCode: otherUnit, effectiveFrom: '2026-03-01' });

    const t = (x: { nip: string }, rel: string, unit: string, title: string, ppk: { nip: string }) =>
      `${rel} ${x.nip} ${unit} ${title} ppk=${ppk.nip}`;
    const before = await listedOn(principal(head), '2026-02-15');
    expect(before).toEqual(
      [
        t(ppk1, 'PPK', unitCode, 'Pelaksana', head),
        t(ppk2, 'PPK', unitCode, 'Pelaksana', head),
        t(stays, 'ATASAN_PPK', unitCode, 'Pelaksana', ppk1),
        t(leaves, 'ATASAN_PPK', unitCode, 'Pelaksana', ppk1),
        t(joins, 'ATASAN_PPK', unitCode, 'Pelaksana', ppk2),
        t(under2, 'ATASAN_PPK', unitCode, 'Pelaksana', ppk2),
      ].sort(),
    );
    expect(before).toEqual(await composed(principal(head), '2026-02-15'));
    const after = await listedOn(principal(head), ON);
    expect(after).toEqual(
      [
        t(ppk1, 'PPK', unitCode, 'Pelaksana', head),
        t(ppk2, 'PPK', otherUnit, 'Pelaksana', head),
        t(stays, 'ATASAN_PPK', unitCode, 'Pelaksana', ppk1),
        t(joins, 'ATASAN_PPK', otherUnit, 'Analis', ppk1),
        t(leaves, 'ATASAN_PPK', unitCode, 'Pelaksana', ppk2),
        t(under2, 'ATASAN_PPK', unitCode, 'Pelaksana', ppk2),
      ].sort(),
    );
    expect(after).toEqual(await composed(principal(head), ON));
    // Each member's own view: ppk1 now PPK of stays and joins, ppk2 of leaves and under2.
    expect(await listedOn(principal(ppk1), ON)).toEqual(
      [t(stays, 'PPK', unitCode, 'Pelaksana', ppk1), t(joins, 'PPK', otherUnit, 'Analis', ppk1)].sort(),
    );
    expect(await listedOn(principal(ppk2), ON)).toEqual(
      [t(leaves, 'PPK', unitCode, 'Pelaksana', ppk2), t(under2, 'PPK', unitCode, 'Pelaksana', ppk2)].sort(),
    );
  });

  it('a caller without an employee record has no team and sends no statement', async () => {
    const spy = jest.spyOn(m.dataSource, 'query');
    const r = await me.team({ kind: 'apiKey', keyId: 'k', name: 'payroll', scopes: [] }, { on: ON });
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
    expect(r).toEqual({ on: ON, year: 2026, items: [] });
  });
});
