import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { sendExport, XLSX_CONTENT_TYPE } from '../common/export/export-reply';
import { Roles } from '../identity/auth.decorators';
import { CurrentPrincipal } from '../identity/current-principal.decorator';
import { Principal } from '../identity/principal';
import { DisciplineCalendar } from './discipline-calendar.service';
import { DisciplineIntakeService } from './discipline-intake.service';
import { DisciplineQueriesService } from './discipline-queries.service';
import { DisciplineWorkflowService } from './discipline-workflow.service';
import { DISCIPLINE_EXPORT_COLUMNS, disciplineExportRows } from './discipline-export.util';
import {
  CaseExportQuery,
  CaseListQuery,
  CaseSummaryQuery,
  CreateCaseDto,
  DecisionDto,
  DeliveryDto,
  DismissDto,
  HolidaysDto,
  RecommendationDto,
  VerifyDto,
} from './dto/discipline.dto';
import { ApiFile, ApiResult, schemaRef } from '../openapi/api-result.decorator';

@ApiTags('discipline and netralitas')
@ApiBearerAuth()
@Controller('discipline')
export class DisciplineController {
  constructor(
    private readonly intake: DisciplineIntakeService,
    private readonly cases: DisciplineQueriesService,
    private readonly workflow: DisciplineWorkflowService,
    private readonly calendar: DisciplineCalendar,
  ) {}

  @Post('cases')
  @ApiOperation({
    summary:
      'Report a NETRALITAS, ATTENDANCE or OTHER case (ADMIN) → 201 with classification (track, level, candidate sanctions), competent officials and deadlines',
  })
  @ApiResult('DisciplineCaseView', 201, 'Created')
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateCaseDto) {
    return this.intake.create(p, dto);
  }

  @Get('cases')
  @ApiOperation({
    summary:
      'Cases the caller may see (ADMIN all; the competent officials theirs; an employee their own), filtered, cursor-paginated',
  })
  @ApiResult('DisciplineCasePage')
  list(@CurrentPrincipal() p: Principal, @Query() q: CaseListQuery) {
    return this.cases.list(p, q);
  }

  @Roles('ADMIN')
  @Get('cases/export')
  @ApiOperation({
    summary:
      'Export for the national sharing system (SBT): NIP, name, agency, unit, act, stage, dates, level, sanction, status, decision reference (CSV, XLSX or JSON)',
    description:
      'CSV: UTF-8 with BOM, `sep` comma|semicolon, NIP as ="…" text unless `codes=plain`, text cells neutralised against formulas. XLSX: header in Bahasa Indonesia, NIP as text.',
  })
  @ApiResponse({
    status: 200,
    description: 'CSV (default), XLSX (format=xlsx) or JSON (format=json)',
    content: {
      'text/csv': { schema: { type: 'string', format: 'binary' } },
      [XLSX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } },
      'application/json': { schema: schemaRef('DisciplineExport') },
    },
  })
  async export(@Query() q: CaseExportQuery, @Res() reply: FastifyReply) {
    const items = await this.cases.exportRows(q);
    if (q.format === 'json') {
      return reply.header('content-type', 'application/json; charset=utf-8').send({ count: items.length, items });
    }
    const file = {
      baseName: 'kasus-disiplin',
      columns: DISCIPLINE_EXPORT_COLUMNS,
      rows: [disciplineExportRows(items)],
      sheetName: 'Kasus Disiplin',
    };
    return sendExport(reply, q.format === 'xlsx' ? 'xlsx' : 'csv', file, q as unknown as Record<string, unknown>);
  }

  @Roles('ADMIN')
  @Get('cases/export.xlsx')
  @ApiOperation({ summary: 'The SBT export as an Excel workbook (same filters; same as format=xlsx)' })
  @ApiFile(XLSX_CONTENT_TYPE, 'Excel workbook')
  exportXlsx(@Query() q: CaseExportQuery, @Res() reply: FastifyReply) {
    return this.export({ ...q, format: 'xlsx' }, reply);
  }

  @Roles('ADMIN')
  @Get('cases/summary')
  @ApiOperation({
    summary: 'Counts per unit and status for an election period (occurredOn in [from, to]; kind default NETRALITAS)',
  })
  @ApiResult('DisciplineCaseSummary')
  summary(@Query() q: CaseSummaryQuery) {
    return this.cases.summary(q);
  }

  @Get('cases/:id')
  @ApiOperation({ summary: 'A case with classification, workflow dates, deadlines per step, escalations and history' })
  @ApiResult('DisciplineCaseView')
  get(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.cases.get(p, id);
  }

  @Post('cases/:id/verify')
  @HttpCode(200)
  @ApiOperation({ summary: 'REPORTED → VERIFIED (ADMIN / Satgas verification)' })
  @ApiResult('DisciplineStepResult')
  verify(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: VerifyDto) {
    return this.workflow.verify(p, id, dto);
  }

  @Post('cases/:id/recommendation')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'VERIFIED → RECOMMENDED with { level, sanction } (ADMIN); a sanction outside the level → 422; a level other than the classification → 422',
  })
  @ApiResult('DisciplineStepResult')
  recommend(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: RecommendationDto) {
    return this.workflow.recommend(p, id, dto);
  }

  @Post('cases/:id/decision')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'RECOMMENDED → DECIDED { sanction, decidedOn, decisionRef } by the competent official (or ADMIN on their behalf)',
  })
  @ApiResult('DisciplineStepResult')
  decide(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: DecisionDto) {
    return this.workflow.decide(p, id, dto);
  }

  @Post('cases/:id/delivery')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'DECIDED → DELIVERED { deliveredOn }: effective from the 15th working day after delivery (holiday calendar applied)',
  })
  @ApiResult('DisciplineStepResult')
  deliver(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: DeliveryDto) {
    return this.workflow.deliver(p, id, dto);
  }

  @Post('cases/:id/dismiss')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Close a case without sanction (not proven) from REPORTED, VERIFIED or RECOMMENDED (ADMIN)',
  })
  @ApiResult('DisciplineStepResult')
  dismiss(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: DismissDto) {
    return this.workflow.dismiss(p, id, dto);
  }

  @Roles('ADMIN')
  @Get('escalations')
  @ApiOperation({
    summary: 'Escalation records: recommendations not acted on by their deadline (SBT follow-up, SIASN block step)',
  })
  @ApiResult('DisciplineEscalationList')
  escalations() {
    return this.cases.escalations();
  }

  @Roles('ADMIN')
  @Get('holidays/:year')
  @ApiOperation({
    summary:
      'Holiday calendar used for discipline deadlines and effective dates (own days + the allowance holiday list when present)',
  })
  @ApiResult('DisciplineHolidays')
  holidays(@Param('year') year: string) {
    return this.calendar.list(year);
  }

  @Roles('ADMIN')
  @Put('holidays/:year')
  @ApiOperation({ summary: 'Replace the discipline holidays of a year (public holidays, cuti bersama)' })
  @ApiResult('DisciplineHolidays')
  setHolidays(@Param('year') year: string, @Body() dto: HolidaysDto) {
    return this.calendar.replace(year, dto);
  }
}
