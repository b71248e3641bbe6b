import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { AccessPolicy } from '../authz/access-policy';
import { NotFoundError } from '../common/domain-errors';
import { Clock } from '../common/clock';
import { Cursor, PageQuery } from '../common/pagination';
import { Roles } from '../identity/auth.decorators';
import { CurrentPrincipal } from '../identity/current-principal.decorator';
import { Principal } from '../identity/principal';
import { OUTCOME_TYPES } from '../rules';
import { ApiResult } from '../openapi/api-result.decorator';
import { OrgDirectory } from '../org/org-directory.service';
import { OutcomeRow, OutcomesRepository } from './outcomes.repository';
import type { OutcomeList, OutcomePage, OutcomeView } from './outcomes.views';

class OutcomesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: OUTCOME_TYPES }) @IsOptional() @IsIn(OUTCOME_TYPES) type?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() unitCode?: string;
  @ApiPropertyOptional({ example: '2026' }) @IsOptional() @Matches(/^\d{4}(-Q[1-4]|-\d{2})?$/) period?: string;
}

@ApiTags('outcomes')
@ApiBearerAuth()
@Controller()
export class OutcomesController {
  constructor(
    private readonly outcomes: OutcomesRepository,
    private readonly org: OrgDirectory,
    private readonly policy: AccessPolicy,
    private readonly clock: Clock,
  ) {}

  @Get('employees/:nip/outcomes')
  @ApiOperation({ summary: 'Reward and punishment outcomes of an employee, each with reason and legal basis' })
  @ApiResult('OutcomeList')
  async forEmployee(@CurrentPrincipal() p: Principal, @Param('nip') nip: string): Promise<OutcomeList> {
    const employeeId = await this.org.employeeIdByNip(nip);
    if (!employeeId) throw new NotFoundError('Pegawai');
    await this.policy.require(p, employeeId, this.clock.today(), ['ADMIN', 'SELF', 'PPK', 'ATASAN_PPK'], 'Pegawai');
    return { items: await this.views(await this.outcomes.forEmployee(employeeId)) };
  }

  @Roles('ADMIN')
  @Get('outcomes')
  @ApiOperation({ summary: 'Outcomes for reports, filtered by type, unit (subtree) and period' })
  @ApiResult('OutcomePage')
  async list(@Query() q: OutcomesQuery): Promise<OutcomePage> {
    const limit = q.limit ?? 100;
    const rows = await this.outcomes.list({
      type: q.type,
      period: q.period,
      employeeIds: q.unitCode ? await this.org.currentMemberIdsOfSubtree(q.unitCode) : undefined,
      after: Cursor.decodePair(q.after),
      limit,
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const items = await this.views(page);
    return { items, nextCursor: rows.length > limit && last ? Cursor.encode([last.cursorAt, last.id]) : null };
  }

  /** The contract's shape: the employee's NIP in place of the internal id (the org directory's). */
  private async views(rows: OutcomeRow[]): Promise<OutcomeView[]> {
    const nips = await this.org.nipsByIds([...new Set(rows.map((r) => r.employeeId))]);
    return rows.map(({ cursorAt: _c, employeeId, id, createdAt, ...rest }) => {
      const nip = nips.get(employeeId);
      // Outcomes belong to employees (a foreign key): the org directory knows each one's NIP.
      if (nip === undefined) throw new NotFoundError('Pegawai');
      return { id, nip, ...rest, createdAt: createdAt.toISOString() };
    });
  }
}
