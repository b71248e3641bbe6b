import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { DataSource } from 'typeorm';
import { AccessPolicy } from '../authz/access-policy';
import { notFound } from '../common/api-error';
import { Clock } from '../common/clock';
import { Cursor, PageQuery } from '../common/pagination';
import { Roles } from '../identity/auth.decorators';
import { CurrentPrincipal } from '../identity/current-principal.decorator';
import { Principal } from '../identity/principal';
import { OUTCOME_TYPES } from '../rules';
import { ApiResult } from '../openapi/api-result.decorator';
import type { OutcomeList, OutcomePage, OutcomeView } from './outcomes.views';

class OutcomesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: OUTCOME_TYPES }) @IsOptional() @IsIn(OUTCOME_TYPES) type?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() unitCode?: string;
  @ApiPropertyOptional({ example: '2026' }) @IsOptional() @Matches(/^\d{4}(-Q[1-4]|-\d{2})?$/) period?: string;
}

const SELECT = `SELECT o.id, emp.nip, o.type, o.status, o.reason, o.legal_basis AS "legalBasis",
  to_char(o.effective_from,'YYYY-MM-DD') AS "effectiveFrom", to_char(o.effective_to,'YYYY-MM-DD') AS "effectiveTo",
  json_build_object('kind', o.source_kind, 'id', o.source_id) AS source, o.period, o.explanation, o.created_at AS "createdAt",
  o.created_at::text AS "cursorAt"
  FROM outcomes o JOIN employees emp ON emp.id = o.employee_id`;

@ApiTags('outcomes')
@ApiBearerAuth()
@Controller()
export class OutcomesController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: AccessPolicy,
    private readonly clock: Clock,
  ) {}

  @Get('employees/:nip/outcomes')
  @ApiOperation({ summary: 'Reward and punishment outcomes of an employee, each with reason and legal basis' })
  @ApiResult('OutcomeList')
  async forEmployee(@CurrentPrincipal() p: Principal, @Param('nip') nip: string): Promise<OutcomeList> {
    const emp = await this.dataSource.query(`SELECT id FROM employees WHERE nip = $1`, [nip]);
    if (!emp[0]) throw notFound('Pegawai');
    await this.policy.require(p, emp[0].id, this.clock.today(), ['ADMIN', 'SELF', 'PPK', 'ATASAN_PPK'], 'Pegawai');
    const rows = await this.dataSource.query(`${SELECT} WHERE o.employee_id = $1 ORDER BY o.created_at, o.id`, [
      emp[0].id,
    ]);
    return { items: rows.map(({ cursorAt: _c, ...rest }: Record<string, unknown>) => rest as unknown as OutcomeView) };
  }

  @Roles('ADMIN')
  @Get('outcomes')
  @ApiOperation({ summary: 'Outcomes for reports, filtered by type, unit (subtree) and period' })
  @ApiResult('OutcomePage')
  async list(@Query() q: OutcomesQuery): Promise<OutcomePage> {
    const limit = q.limit ?? 100;
    const after = Cursor.decode(q.after) as [string, string] | null;
    const params: unknown[] = [];
    const where: string[] = [];
    if (q.type) where.push(`o.type = $${params.push(q.type)}`);
    if (q.period)
      where.push(`(o.period = $${params.push(q.period)} OR o.period LIKE $${params.push(`${q.period}-%`)})`);
    if (q.unitCode) {
      where.push(`EXISTS (SELECT 1 FROM employee_assignments a WHERE a.employee_id = o.employee_id AND a.valid_to IS NULL AND a.unit_id IN (
        WITH RECURSIVE t AS (SELECT id FROM units WHERE code = $${params.push(q.unitCode)} UNION ALL SELECT u.id FROM units u JOIN t ON u.parent_id = t.id) SELECT id FROM t))`);
    }
    if (after)
      where.push(`(o.created_at, o.id) > ($${params.push(after[0])}::timestamptz, $${params.push(after[1])}::uuid)`);
    const rows = await this.dataSource.query(
      `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY o.created_at, o.id LIMIT ${limit + 1}`,
      params,
    );
    // The cursor keeps PostgreSQL's own microsecond timestamp text (a JS Date would round to ms).
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const items = page.map(({ cursorAt: _c, ...rest }: Record<string, unknown>) => rest as unknown as OutcomeView);
    return { items, nextCursor: rows.length > limit && last ? Cursor.encode([last.cursorAt, last.id]) : null };
  }
}
