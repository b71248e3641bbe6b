import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { KeyScopes, Roles } from '../identity/auth.decorators';
import { ApiFile, ApiResult } from '../openapi/api-result.decorator';
import { CSV_QUERY_DOC, ExportFile, sendExport, XLSX_CONTENT_TYPE } from '../common/export/export-reply';
import { PAYROLL_COLUMNS } from './payroll-export';
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
      'warnings [{code, message}] (message in Bahasa Indonesia): PREDIKAT_MISSING, ATTENDANCE_MISSING, STATUS_UNKNOWN, … — a figure ' +
      'resting on missing data says so; pending / heldAmount: the performance part held back for a missing predikat (deduction ' +
      'PREDIKAT_HELD, not a cut; paid by a correction once the predikat is FINAL). ' +
      'Invariants: basicAmount = performancePart + disciplinePart; netAmount = basicAmount − Σ deductions.amount. ' +
      'The first page also has notComputed (employees without a rule set or with bad input: reported, never paid) and warnings ' +
      '{ CODE: lines } for the whole month.',
  })
  @ApiQuery({ name: 'month', example: '2026-03' })
  @ApiQuery({ name: 'limit', required: false, description: 'default 100, max 1000' })
  @ApiQuery({ name: 'after', required: false })
  @ApiQuery({
    name: 'warning',
    required: false,
    description:
      'Only the lines carrying this warning code (PREDIKAT_MISSING, ATTENDANCE_MISSING, …): who is behind a warning of the run.',
  })
  @ApiQuery({
    name: 'explanation',
    required: false,
    description: 'false → items without `explanation` (bulk pulls; ~7× smaller). Default true.',
  })
  @ApiResult('PayrollPage')
  async list(@Query() q: Record<string, string>, @Res() reply: FastifyReply) {
    const body = await this.payroll.page(q);
    return reply.header('content-type', 'application/json; charset=utf-8').send(body);
  }

  @Get('allowances.csv')
  @ApiOperation({
    summary:
      'The same lines as CSV (header row, one line per employee by NIP, deductions per code, column warnings: the line’s warning codes), streamed',
    description:
      'UTF-8 with BOM, RFC 4180 quoting, text cells neutralised against spreadsheet formulas (a leading = + - @ tab CR gets a quote mark), ' +
      'rupiah as plain integers (negative amounts stay numbers). Payroll systems that read the bare file: `?bom=false&codes=plain`.',
  })
  @ApiFile('text/csv', 'CSV, one line per employee')
  @ApiQuery({ name: 'month', example: '2026-03' })
  @ApiQuery(CSV_QUERY_DOC[0])
  @ApiQuery(CSV_QUERY_DOC[1])
  @ApiQuery(CSV_QUERY_DOC[2])
  csv(@Query() q: Record<string, string>, @Res() reply: FastifyReply) {
    return sendExport(reply, 'csv', this.file(q.month), q);
  }

  @Get('allowances.xlsx')
  @ApiOperation({
    summary:
      'The same lines as an Excel workbook (streamed): header in Bahasa Indonesia, NIP as text, rupiah with thousands separators',
  })
  @ApiFile(XLSX_CONTENT_TYPE, 'Excel workbook')
  @ApiQuery({ name: 'month', example: '2026-03' })
  xlsx(@Query('month') month: string, @Res() reply: FastifyReply) {
    return sendExport(reply, 'xlsx', this.file(month));
  }

  private file(month: string): ExportFile {
    const rows = this.payroll.exportRows(month);
    return { baseName: `tpp-${month}`, columns: PAYROLL_COLUMNS, rows, sheetName: `TPP ${month}` };
  }
}
