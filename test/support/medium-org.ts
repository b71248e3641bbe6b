import { randomUUID } from 'node:crypto';
import type { Principal } from '../../src/identity/principal';
import { EmployeesService } from '../../src/org/employees.service';
import { OrgDirectory } from '../../src/org/org-directory.service';
import { UnitsService } from '../../src/org/units.service';
import { SkpService } from '../../src/skp/skp.service';
import { EVAL_ORG_POSTS } from './evaluation-fixtures';
import type { MediumModule } from './medium';
import { skpBody, uniqueNip, uniqueUnitCode } from './org-skp-fixtures';

/** Someone in the medium tier: the employee and the principal their requests would carry. */
export interface MediumPerson {
  nip: string;
  employeeId: string;
  p: Principal;
}

export interface MediumEmployeeSpec {
  unitCode: string;
  supervisorNip?: string | null;
  kind: 'JPT_PRATAMA' | 'ADMINISTRATOR' | 'PENGAWAS' | 'PELAKSANA' | 'FUNGSIONAL';
  jenjang?: string | null;
  kelasJabatan: number;
  golongan: string;
  isUnitHead?: boolean;
  status?: 'PNS' | 'PPPK';
  title?: string;
  /** Start of the assignment (`effectiveFrom` and the position's TMT); the service's default when absent. */
  from?: string;
}

/** Moves the module's clock to noon (Jakarta) of a date. */
export function setMediumToday(m: MediumModule, date: string): void {
  m.clock.reset();
  m.clock.advance(Date.parse(`${date}T05:00:00Z`) - Date.now());
  if (m.clock.today() !== date) throw new Error(`clock is ${m.clock.today()}, wanted ${date}`);
}

export async function mediumUnit(m: MediumModule, parentCode: string | null = null, prefix = 'MU'): Promise<string> {
  const code = uniqueUnitCode(prefix);
  await m.get(UnitsService).create({ code, name: `Unit ${code}`, parentCode });
  return code;
}

/** An employee through EmployeesService (position from 2025-01-01), with an EMPLOYEE principal. */
export async function mediumEmployee(m: MediumModule, spec: MediumEmployeeSpec): Promise<MediumPerson> {
  const nip = uniqueNip();
  await m.get(EmployeesService).create({
    nip,
    name: `Pegawai ${nip.slice(-4)}`,
    status: spec.status ?? 'PNS',
    golongan: spec.golongan,
    unitCode: spec.unitCode,
    supervisorNip: spec.supervisorNip ?? null,
    ...(spec.from ? { effectiveFrom: spec.from } : {}),
    position: {
      title: spec.title ?? `Jabatan ${spec.kind}`,
      kind: spec.kind,
      jenjang: spec.jenjang ?? null,
      kelasJabatan: spec.kelasJabatan,
      isUnitHead: spec.isUnitHead ?? false,
      tmt: spec.from ?? '2025-01-01',
    },
  } as Parameters<EmployeesService['create']>[0]);
  const employeeId = (await m.get(OrgDirectory).employeeIdByNip(nip))!;
  return { nip, employeeId, p: { kind: 'user', accountId: randomUUID(), nip, role: 'EMPLOYEE', employeeId } };
}

export interface MediumOrg {
  parentCode: string;
  unitCode: string;
  /** JPT Pratama heading the parent unit: sets the unit's organisation performance. */
  leader: MediumPerson;
  head: MediumPerson;
  /** Pengawas: PPK of the staff. */
  ppk: MediumPerson;
  staff: MediumPerson[];
}

/** parent unit (leader) → unit (head) → PPK → staff (pelaksana, or JF Ahli Pertama with `jf`). */
export async function mediumOrg(m: MediumModule, staffCount: number, opts: { jf?: boolean } = {}): Promise<MediumOrg> {
  const parentCode = await mediumUnit(m, null, 'MP');
  const unitCode = await mediumUnit(m, parentCode, 'MC');
  const leader = await mediumEmployee(m, { unitCode: parentCode, ...EVAL_ORG_POSTS.leader });
  const head = await mediumEmployee(m, { unitCode, supervisorNip: leader.nip, ...EVAL_ORG_POSTS.head });
  const ppk = await mediumEmployee(m, { unitCode, supervisorNip: head.nip, ...EVAL_ORG_POSTS.ppk });
  const jf = { kind: 'FUNGSIONAL', jenjang: 'AHLI_PERTAMA', kelasJabatan: 8, golongan: 'III/a' } as const;
  const staff: MediumPerson[] = [];
  for (let i = 0; i < staffCount; i++)
    staff.push(await mediumEmployee(m, { unitCode, supervisorNip: ppk.nip, ...(opts.jf ? jf : EVAL_ORG_POSTS.staff) }));
  return { parentCode, unitCode, leader, head, ppk, staff };
}

/** Creates, submits and approves the owner's SKP of a year through SkpService; returns it as approved. */
export async function mediumApprovedSkp(m: MediumModule, owner: MediumPerson, ppk: MediumPerson, year: number) {
  const skp = m.get(SkpService);
  const created = await skp.create(owner.p, skpBody(year) as unknown as Parameters<SkpService['create']>[1]);
  await skp.submit(owner.p, created.id);
  return skp.approve(ppk.p, created.id);
}
