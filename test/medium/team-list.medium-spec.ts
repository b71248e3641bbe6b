import { AccessPolicy } from '../../src/authz/access-policy';
import type { Principal } from '../../src/identity/principal';
import { MeModule } from '../../src/me/me.module';
import { MeService } from '../../src/me/me.service';
import { DelegationsService } from '../../src/org/delegations.service';
import { OrgDirectory } from '../../src/org/org-directory.service';
import { OrgModule } from '../../src/org/org.module';
import { UnitsService } from '../../src/org/units.service';
import { createMediumModule, type MediumModule } from '../support/medium';
import { mediumEmployee } from '../support/medium-org';
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
  const composed = async (p: Principal) => {
    const team = await m.get(AccessPolicy).teamOf(p, ON);
    const myId = p.kind === 'user' ? p.employeeId : null;
    const members = [
      ...team.ppkOf.map((id) => ({ employeeId: id, ppkId: myId ?? '', relation: 'PPK' })),
      ...team.atasanPpkOf.map((r) => ({ ...r, relation: 'ATASAN_PPK' })),
    ];
    const ids = [...new Set(members.flatMap((x) => [x.employeeId, x.ppkId]))];
    const snaps = new Map((await m.get(OrgDirectory).snapshotsByIds(ids, ON)).map((s) => [s.employeeId, s]));
    return members
      .filter((x) => snaps.has(x.employeeId))
      .map((x) => `${x.relation} ${snaps.get(x.employeeId)?.nip} ppk=${snaps.get(x.ppkId)?.nip ?? ''}`)
      .sort();
  };
  const listed = async (p: Principal, relation?: 'PPK' | 'ATASAN_PPK') =>
    (await me.team(p, { on: ON, year: 2026, relation })).items.map((i) => `${i.relation} ${i.nip} ppk=${i.ppkNip}`);

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
    expect([...headTeam].sort()).toEqual(await composed(principal(head)));
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

  it('a caller without an employee record has no team and sends no statement', async () => {
    const spy = jest.spyOn(m.dataSource, 'query');
    const r = await me.team({ kind: 'apiKey', keyId: 'k', name: 'payroll', scopes: [] }, { on: ON });
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
    expect(r).toEqual({ on: ON, year: 2026, items: [] });
  });
});
