import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../authz/access-policy';
import { Clock } from '../common/clock';
import { NotFoundError } from '../common/domain-errors';
import { Principal } from '../identity/principal';
import { MyAllowancesRepository } from './my-allowances.repository';
import type { MyAllowanceYear } from './my-allowances.views';

/** The signed-in employee's own TPP lines (Tunjangan in the console). */
@Injectable()
export class MyAllowancesService {
  constructor(
    private readonly policy: AccessPolicy,
    private readonly lines: MyAllowancesRepository,
    private readonly clock: Clock,
  ) {}

  async ofYear(p: Principal, year?: number): Promise<MyAllowanceYear> {
    const today = this.clock.today();
    // An account without an employee record has no allowance: 404 like any record the caller cannot see.
    if (p.kind !== 'user' || !p.employeeId) throw new NotFoundError('Tunjangan');
    await this.policy.require(p, p.employeeId, today, ['SELF'], 'Tunjangan');
    const y = year ?? Number(today.slice(0, 4));
    return { nip: p.nip, year: y, items: await this.lines.linesOfYear(p.employeeId, y) };
  }
}
