import { AgencyService } from '../agency/agency.service';
import { Injectable, Logger } from '@nestjs/common';
import { RuleSetsService } from '../allowance/rule-sets.service';
import { NotFoundError } from '../common/domain-errors';
import { EmployeesService } from '../org/employees.service';
import { OrgDirectory } from '../org/org-directory.service';
import { UnitsService } from '../org/units.service';
import { seedDemoAllowances } from './demo-allowances.util';
import { demoPersonal } from './demo-personal.util';
import { DEMO_AGENCY_PROFILE, DEMO_EMPLOYEE_PASSWORD, DEMO_EMPLOYEES, DEMO_UNITS } from './demo-agency.util';

const DEMO_START = '2025-01-01';

/** Seeds the demo agency through the real services. Idempotent: existing units/employees are skipped. */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(
    private readonly units: UnitsService,
    private readonly employees: EmployeesService,
    private readonly agency: AgencyService,
    private readonly org: OrgDirectory,
    private readonly ruleSets: RuleSetsService,
  ) {}

  async seed(): Promise<{ units: number; employees: number }> {
    let units = 0;
    let employees = 0;
    for (const u of DEMO_UNITS) {
      if (await this.org.unitIdByCode(u.code)) continue;
      await this.units.create({ code: u.code, name: u.name, parentCode: u.parentCode });
      units++;
    }
    const nipByKey = new Map(DEMO_EMPLOYEES.map((e) => [e.key, e.nip]));
    const supervisorNip = (key: string): string => {
      const nip = nipByKey.get(key);
      // Every supervisor key of the roster names a row of the same roster.
      if (nip === undefined) throw new NotFoundError(`Atasan demo ${key}`);
      return nip;
    };
    for (const [i, e] of DEMO_EMPLOYEES.entries()) {
      if (await this.org.employeeIdByNip(e.nip)) continue;
      await this.employees.create({
        nip: e.nip,
        name: e.name,
        status: e.status,
        golongan: e.golongan,
        unitCode: e.unitCode,
        supervisorNip: e.supervisor ? supervisorNip(e.supervisor) : null,
        password: DEMO_EMPLOYEE_PASSWORD,
        effectiveFrom: DEMO_START,
        ...demoPersonal(e, i, DEMO_START),
        position: {
          title: e.title,
          kind: e.kind,
          jenjang: e.jenjang,
          kelasJabatan: e.kelas,
          isUnitHead: e.head,
          tmt: DEMO_START,
        },
      });
      employees++;
    }
    const allowances = await seedDemoAllowances(this.ruleSets);
    if (!(await this.agency.profile()).configured) await this.agency.update(DEMO_AGENCY_PROFILE);
    this.logger.log({ units, employees, ...allowances }, 'demo agency seeded');
    return { units, employees };
  }
}
