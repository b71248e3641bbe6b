import { DelegationsService } from '../../src/org/delegations.service';
import { OrgDirectory } from '../../src/org/org-directory.service';
import { OrgModule } from '../../src/org/org.module';
import { UnitsService } from '../../src/org/units.service';
import { createMediumModule, type MediumModule } from '../support/medium';
import { mediumEmployee } from '../support/medium-org';
import { uniqueUnitCode } from '../support/org-skp-fixtures';

/**
 * Plt/Plh/delegasi rules on the real PostgreSQL (medium: the org services with their repositories,
 * no HTTP): one delegation per employee and period, adjacent periods allowed, no rating cycles, and
 * a delegation for all reports of an absent official is written for all of them or for none.
 */
describe('delegations (medium: org services + repositories on PostgreSQL)', () => {
  let m: MediumModule;
  let delegations: DelegationsService;
  let unitCode: string;

  const person = async (supervisorNip: string | null, head = false) =>
    (
      await mediumEmployee(m, {
        unitCode,
        supervisorNip,
        kind: head ? 'ADMINISTRATOR' : 'PELAKSANA',
        kelasJabatan: head ? 12 : 7,
        golongan: 'III/a',
        isUnitHead: head,
        title: head ? 'Kepala' : 'Pelaksana',
        from: '2025-01-01',
      })
    ).nip;
  const delegationsOf = (nip: string) =>
    m.dataSource.query(
      `SELECT to_char(d.valid_from,'YYYY-MM-DD') AS "from" FROM ppk_delegations d JOIN employees e ON e.id = d.employee_id WHERE e.nip = $1 ORDER BY 1`,
      [nip],
    ) as Promise<{ from: string }[]>;

  beforeAll(async () => {
    m = await createMediumModule({ imports: [OrgModule] });
    delegations = m.get(DelegationsService);
    unitCode = uniqueUnitCode('MED');
    await m.get(UnitsService).create({ code: unitCode, name: 'Unit medium', parentCode: null });
  });
  afterAll(() => m.close());

  it('refuses an overlapping delegation, accepts the adjacent period, and names the one in the way', async () => {
    const head = await person(null, true);
    const staff = await person(head);
    const plt = await person(head);
    const first = await delegations.create({
      employeeNip: staff,
      ppkNip: plt,
      kind: 'PLT',
      validFrom: '2026-03-01',
      validTo: '2026-03-31',
    } as Parameters<DelegationsService['create']>[0]);
    expect(first.items).toHaveLength(1);

    await expect(
      delegations.create({
        employeeNip: staff,
        ppkNip: plt,
        kind: 'PLH',
        validFrom: '2026-03-31',
        validTo: null,
      } as Parameters<DelegationsService['create']>[0]),
    ).rejects.toMatchObject({ message: expect.stringContaining('bertumpang tindih') });

    const next = await delegations.create({
      employeeNip: staff,
      ppkNip: plt,
      kind: 'PLH',
      validFrom: '2026-04-01',
      validTo: null,
    } as Parameters<DelegationsService['create']>[0]);
    expect(next.items[0]).toMatchObject({ employeeNip: staff, ppkNip: plt, kind: 'PLH', validTo: null });
    expect(await delegationsOf(staff)).toEqual([{ from: '2026-03-01' }, { from: '2026-04-01' }]);
  });

  it('refuses a delegation that would make a rating cycle', async () => {
    const head = await person(null, true);
    const staff = await person(head);
    // The head would be rated by the one they rate.
    await expect(
      delegations.create({
        employeeNip: head,
        ppkNip: staff,
        kind: 'DELEGASI',
        validFrom: '2026-05-01',
        validTo: '2026-05-31',
      } as Parameters<DelegationsService['create']>[0]),
    ).rejects.toMatchObject({ message: expect.stringContaining('siklus') });
    expect(await delegationsOf(head)).toEqual([]);
  });

  it('a delegation for all reports of an absent official is all-or-nothing', async () => {
    const head = await person(null, true);
    const a = await person(head);
    const b = await person(head);
    const plt = await person(null);
    // b already has a delegation in the period: the whole call is refused, a gets none either.
    await delegations.create({
      employeeNip: b,
      ppkNip: plt,
      kind: 'PLH',
      validFrom: '2026-06-10',
      validTo: '2026-06-20',
    } as Parameters<DelegationsService['create']>[0]);
    await expect(
      delegations.create({
        forReportsOfNip: head,
        ppkNip: plt,
        kind: 'PLT',
        validFrom: '2026-06-01',
        validTo: '2026-06-30',
      } as Parameters<DelegationsService['create']>[0]),
    ).rejects.toMatchObject({ message: expect.stringContaining(b) });
    expect(await delegationsOf(a)).toEqual([]);
    expect(await delegationsOf(b)).toEqual([{ from: '2026-06-10' }]);
  });

  it('reads the PPK and atasan PPK of many (employee, date) pairs in their order, a delegation included', async () => {
    const top = await person(null, true);
    const head = await person(top, true);
    const a = await person(head);
    const b = await person(head);
    const plt = await person(top);
    await delegations.create({
      employeeNip: b,
      ppkNip: plt,
      kind: 'PLT',
      validFrom: '2026-09-01',
      validTo: '2026-09-30',
    } as Parameters<DelegationsService['create']>[0]);
    const dir = m.get(OrgDirectory);
    const id = async (nip: string) => (await dir.employeeIdByNip(nip))!;
    const [topId, headId, aId, bId, pltId] = await Promise.all([top, head, a, b, plt].map(id));
    // Staff sharing a PPK, the same pair twice, a date inside the delegation, and the top with no PPK.
    const pairs: [string, string][] = [
      [aId, '2026-12-31'],
      [bId, '2026-12-31'],
      [aId, '2026-12-31'],
      [bId, '2026-09-15'],
      [headId, '2026-12-31'],
      [topId, '2026-12-31'],
    ];
    const chains = await dir.ppkChainsAt(
      pairs.map((p) => p[0]),
      pairs.map((p) => p[1]),
    );
    expect(chains).toEqual([
      { ppk: headId, atasan: topId },
      { ppk: headId, atasan: topId },
      { ppk: headId, atasan: topId },
      { ppk: pltId, atasan: topId },
      { ppk: topId, atasan: null },
      { ppk: null, atasan: null },
    ]);
  });
});
