import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../identity/auth.decorators';
import { ApiNoContent, ApiResult } from '../openapi/api-result.decorator';
import { AllowanceRunsService } from './allowance-runs.service';
import { RuleSetsService } from './rule-sets.service';
import { WorkingDaysService } from './working-days.service';
import { requireMonth } from './months';

@ApiTags('allowances')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('allowance')
export class AllowanceController {
  constructor(
    private readonly ruleSets: RuleSetsService,
    private readonly runs: AllowanceRunsService,
    private readonly workingDays: WorkingDaysService,
  ) {}

  @Put('rule-sets/:code')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Add a version of a rule set (spec 03 §11.2), or start from a template with overrides',
    description:
      'Body: a full rule set, or `{ "template": "R-TPP-DEMO", "effectiveFrom": "2026-01-01", …overrides }` (top-level fields replace the ' +
      'template’s wholesale). `effectiveFrom` (inclusive) is required, `effectiveTo` (exclusive) optional. The version number is assigned ' +
      '(max + 1). An open-ended earlier version is closed where this one starts; any other overlap → 409. `"default": true` makes the code ' +
      'the agency default; `"unitCodes": [...]` assigns it to units (sub-units inherit unless they have their own). ' +
      'Fields beyond 03 §11.2: `predikatMissing` HOLD (default) | NONE_FACTOR | LAST_KNOWN — what a month without a FINAL predikat for ' +
      'the period named by `predikatSource`/`predikatLag` does (HOLD: the performance part is held, not cut); `hukdisTable` rows keyed ' +
      'by `sanction` (a sanction type) or `level`. Refused with 400 naming the field: a `predikatFactor`/`predikatDeduction` value ' +
      'outside 0..1 (the entitlement is the ceiling), a duplicate hukdisTable key, an unknown enum value.',
  })
  @ApiBody({
    schema: {
      type: 'object',
      example: {
        template: 'R-TPP-DEMO',
        effectiveFrom: '2026-01-01',
        default: true,
        unitCodes: [],
        split: { kin: '0.60', dis: '0.40' },
      },
    },
  })
  @ApiResult('RuleSetPutResult', 201, 'Created')
  putRuleSet(@Param('code') code: string, @Body() body: Record<string, unknown>) {
    return this.ruleSets.put(code, body);
  }

  @Get('rule-sets')
  @ApiOperation({ summary: 'Rule set codes with their latest version and whether one is the agency default' })
  @ApiResult('RuleSetList')
  listRuleSets() {
    return this.ruleSets.list();
  }

  @Get('rule-sets/:code')
  @ApiOperation({ summary: 'All versions of a rule set, with its default/unit assignment' })
  @ApiResult('RuleSetDetail')
  getRuleSet(@Param('code') code: string) {
    return this.ruleSets.get(code);
  }

  @Post('runs')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Start the monthly run (background jobs, in chunks) → 202 { id, status: QUEUED }',
    description:
      'An open month: one line per employee (version moves only when figures change). A CLOSED month is never edited: the run compares and carries any difference as an audited adjustment in the next open month (a re-run with unchanged inputs changes nothing).',
  })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['month'],
      properties: { month: { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$', example: '2026-03' } },
    },
  })
  @ApiResult('AllowanceRunRequested', 202, 'Accepted')
  requestRun(@Body() body: Record<string, unknown>) {
    return this.runs.request(body);
  }

  @Get('runs/:id')
  @ApiOperation({
    summary:
      'Run progress: status QUEUED | RUNNING | DONE | FAILED, processed, total, report (not computed employees listed; warnings: lines per warning code)',
  })
  @ApiResult('AllowanceRunView')
  getRun(@Param('id') id: string) {
    return this.runs.get(id);
  }

  @Get('months/:month')
  @ApiOperation({ summary: 'Month status (OPEN | CLOSED), line counts by status and by warning code' })
  @ApiResult('AllowanceMonthView')
  getMonth(@Param('month') month: string) {
    return this.runs.month(month);
  }

  @Post('months/:month/close')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Close a month: its figures become immutable; emits AllowanceMonthClosed',
    description:
      '409 when already closed, when a run is in progress, or while any line of the month carries warnings (PREDIKAT_MISSING, ' +
      'ATTENDANCE_MISSING, RULESET_MISSING, STATUS_UNKNOWN, …): the 409 lists the count per code in `warnings` and `details`. ' +
      'A body `{ "acknowledgeWarnings": true }` closes anyway; the audit record keeps the acknowledged counts.',
  })
  @ApiBody({
    required: false,
    schema: {
      type: 'object',
      properties: { acknowledgeWarnings: { type: 'boolean', default: false } },
      example: { acknowledgeWarnings: true },
    },
  })
  @ApiResult('AllowanceMonthView')
  closeMonth(@Param('month') month: string, @Body() body: Record<string, unknown> | undefined) {
    return this.runs.close(month, body ?? {});
  }

  @Get('working-days/:month')
  @ApiOperation({
    summary: 'Working days of a month: the configured value, else Monday–Friday minus configured holidays',
  })
  @ApiResult('WorkingDaysView')
  getWorkingDays(@Param('month') month: string) {
    return this.workingDays.get(requireMonth(month));
  }

  @Put('working-days/:month')
  @ApiOperation({
    summary: 'Configure the working days of a month `{ "workingDays": 21 }` (null → back to the computed count)',
  })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['workingDays'],
      properties: { workingDays: { type: 'integer', minimum: 1, maximum: 23, nullable: true, example: 21 } },
    },
  })
  @ApiResult('WorkingDaysView')
  setWorkingDays(@Param('month') month: string, @Body() body: Record<string, unknown>) {
    return this.workingDays.set(month, body);
  }

  @Get('holidays')
  @ApiOperation({ summary: 'Configured holidays of a year (?year=2026)' })
  @ApiResult('HolidayList')
  holidays(@Query('year') year: string) {
    return this.workingDays.listHolidays(year);
  }

  @Put('holidays/:date')
  @ApiOperation({ summary: 'Add or rename a holiday `{ "name": "Idul Fitri" }`' })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['name'],
      properties: { name: { type: 'string', minLength: 1, maxLength: 200, example: 'Hari Raya Nyepi' } },
    },
  })
  @ApiResult('HolidayView')
  putHoliday(@Param('date') date: string, @Body() body: Record<string, unknown>) {
    return this.workingDays.putHoliday(date, body);
  }

  @Delete('holidays/:date')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a holiday' })
  @ApiNoContent()
  async deleteHoliday(@Param('date') date: string) {
    await this.workingDays.deleteHoliday(date);
  }
}
