import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiQuery, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { KeyScopes, Roles } from '../identity/auth.decorators';
import { PayrollService } from './payroll.service';

@ApiTags('payroll')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Roles('ADMIN')
@KeyScopes('payroll:read')
@Controller('payroll')
export class PayrollController {
  constructor(private readonly payroll: PayrollService) {}

  @Get('allowances')
  @ApiOperation({
    summary: 'Allowance lines of a month for payroll (API key payroll:read or ADMIN), by NIP, cursor-paginated',
    description:
      'Items: nip, name, kelasJabatan, ruleSet (code@version), basicAmount, performancePart, disciplinePart, deductions [{code, amount, reason, formula}], ' +
      'netAmount, explanation, version (moves only when the figures change) — plus totalDeductions, adjustments [{forMonth, amount, reason}] ' +
      '(corrections of closed months carried by this line) and payableAmount = netAmount + Σ adjustments. Integer rupiah. ' +
      'Invariants: basicAmount = performancePart + disciplinePart; netAmount = basicAmount − Σ deductions.amount. ' +
      'The first page also has notComputed (employees without a rule set or with bad input: reported, never paid).',
  })
  @ApiQuery({ name: 'month', example: '2026-03' })
  @ApiQuery({ name: 'limit', required: false, description: 'default 100, max 1000' })
  @ApiQuery({ name: 'after', required: false })
  @ApiQuery({ name: 'explanation', required: false, description: 'false → items without `explanation` (bulk pulls; ~7× smaller). Default true.' })
  async list(@Query() q: Record<string, string>, @Res() reply: FastifyReply) {
    const body = await this.payroll.page(q);
    return reply.header('content-type', 'application/json; charset=utf-8').send(body);
  }

  @Get('allowances.csv')
  @ApiOperation({ summary: 'The same lines as CSV (header row, one line per employee by NIP, deductions per code), streamed' })
  @ApiProduces('text/csv')
  @ApiQuery({ name: 'month', example: '2026-03' })
  csv(@Query('month') month: string, @Res() reply: FastifyReply) {
    const stream = this.payroll.csv(month);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="tpp-${month}.csv"`)
      .send(stream);
  }
}
