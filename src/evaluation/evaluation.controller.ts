import { AgencyService } from '../agency/agency.service';
import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Clock } from '../common/clock';
import { InvalidInputError } from '../common/domain-errors';
import { Roles } from '../identity/auth.decorators';
import { CurrentPrincipal } from '../identity/current-principal.decorator';
import { Principal } from '../identity/principal';
import { renderDekp } from './dekp-document.util';
import {
  CadenceDto,
  CorrectionDto,
  FinalizeDto,
  ObjectionDecisionDto,
  ObjectionDto,
  ObjectionExplanationDto,
  RatingDto,
  RealizationsDto,
  UnitPerformanceDto,
} from './dto/evaluation.dto';
import { EmployeeEvaluationService } from './employee-evaluation.service';
import { EvaluationReviewService } from './evaluation-review.service';
import { EvaluationService } from './evaluation.service';
import { PpkEvaluationService } from './ppk-evaluation.service';
import { OrgPerformanceService } from './org-performance.service';
import { OrgSuggestionService } from './org-suggestion.service';
import { ApiFile, ApiResult } from '../openapi/api-result.decorator';

const P = 'skp/:id/evaluations/:period';

@ApiTags('evaluation')
@ApiBearerAuth()
@Roles('ADMIN', 'EMPLOYEE')
@Controller()
export class EvaluationController {
  constructor(
    private readonly evaluations: EvaluationService,
    private readonly employee: EmployeeEvaluationService,
    private readonly ppk: PpkEvaluationService,
    private readonly review: EvaluationReviewService,
    private readonly clock: Clock,
    private readonly agency: AgencyService,
  ) {}

  @Get('skp/:id/evaluations')
  @ApiOperation({
    summary: 'The evaluation periods of an SKP’s year (periodic per cadence, plus ANNUAL) with their status',
  })
  @ApiResult('EvaluationList')
  list(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.evaluations.list(p, id);
  }

  @Get(P)
  @ApiOperation({
    summary:
      'The evaluation: ratings, predicate, explanation, status, realisations, feedback, appeal, revisions, history',
  })
  @ApiResult('EvaluationView')
  get(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Param('period') period: string) {
    return this.evaluations.get(p, id, period);
  }

  @Put(`${P}/realizations`)
  @ApiOperation({
    summary: 'The employee’s realisations per indicator with https evidence URLs (APPROVED SKP; until RATED)',
  })
  @ApiResult('EvaluationView')
  realizations(
    @CurrentPrincipal() p: Principal,
    @Param('id') id: string,
    @Param('period') period: string,
    @Body() dto: RealizationsDto,
  ) {
    return this.employee.putRealizations(p, id, period, dto);
  }

  @Put(`${P}/rating`)
  @ApiOperation({
    summary:
      'PPK: rating hasil kerja and perilaku with feedback → predicate + explanation (RATED); a unit head’s rating hasil comes from the org predicate (422 if it differs or is not set); 409 before the period’s last month has begun unless EVALUATION_RATE_BEFORE_PERIOD_END',
  })
  @ApiResult('EvaluationView')
  rate(
    @CurrentPrincipal() p: Principal,
    @Param('id') id: string,
    @Param('period') period: string,
    @Body() dto: RatingDto,
  ) {
    return this.ppk.rate(p, id, period, dto);
  }

  @Post(`${P}/finalize`)
  @HttpCode(200)
  @ApiOperation({
    summary:
      'PPK: RATED → ISSUED after the unit distribution check (violations → 422 unless a justification is given); opens the objection window; 409 before the period’s last month has begun unless EVALUATION_RATE_BEFORE_PERIOD_END',
  })
  @ApiResult('EvaluationView')
  finalize(
    @CurrentPrincipal() p: Principal,
    @Param('id') id: string,
    @Param('period') period: string,
    @Body() dto: FinalizeDto,
  ) {
    return this.ppk.finalize(p, id, period, dto);
  }

  @Post(`${P}/accept`)
  @HttpCode(200)
  @ApiOperation({ summary: 'Employee: ISSUED → FINAL' })
  @ApiResult('EvaluationView')
  accept(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Param('period') period: string) {
    return this.employee.accept(p, id, period);
  }

  @Post(`${P}/objection`)
  @HttpCode(200)
  @ApiOperation({ summary: 'Employee: keberatan within the window → OBJECTED (409 after the window)' })
  @ApiResult('EvaluationView')
  object(
    @CurrentPrincipal() p: Principal,
    @Param('id') id: string,
    @Param('period') period: string,
    @Body() dto: ObjectionDto,
  ) {
    return this.employee.object(p, id, period, dto);
  }

  @Post(`${P}/objection/explanation`)
  @HttpCode(200)
  @ApiOperation({ summary: 'PPK: penjelasan atas keberatan (while OBJECTED)' })
  @ApiResult('EvaluationView')
  explain(
    @CurrentPrincipal() p: Principal,
    @Param('id') id: string,
    @Param('period') period: string,
    @Body() dto: ObjectionExplanationDto,
  ) {
    return this.ppk.explainObjection(p, id, period, dto);
  }

  @Post(`${P}/objection/decision`)
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Atasan PPK: final decision on the keberatan → FINAL, predicate recomputed, unit distribution re-checked and reported',
  })
  @ApiResult('EvaluationView')
  decide(
    @CurrentPrincipal() p: Principal,
    @Param('id') id: string,
    @Param('period') period: string,
    @Body() dto: ObjectionDecisionDto,
  ) {
    return this.review.decide(p, id, period, dto);
  }

  @Post(`${P}/corrections`)
  @HttpCode(200)
  @ApiOperation({
    summary: 'ADMIN: correct a FINAL evaluation as a new audited revision (re-emits EvaluationFinalized)',
  })
  @ApiResult('EvaluationView')
  correct(
    @CurrentPrincipal() p: Principal,
    @Param('id') id: string,
    @Param('period') period: string,
    @Body() dto: CorrectionDto,
  ) {
    return this.review.correct(p, id, period, dto);
  }

  @Get(`${P}/document.pdf`)
  @ApiOperation({
    summary: 'Dokumen Evaluasi Kinerja Pegawai (DEKP) with the evaluation form, identities as in the period',
  })
  @ApiFile('application/pdf', 'The DEKP (PDF)')
  async document(
    @CurrentPrincipal() p: Principal,
    @Param('id') id: string,
    @Param('period') period: string,
    @Res() reply: FastifyReply,
  ) {
    const { view, distribution } = await this.evaluations.documentData(p, id, period);
    const pdf = await renderDekp(view, distribution, this.clock.today(), await this.agency.profile());
    void reply
      .status(200)
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="DEKP-${view.nip}-${view.period}.pdf"`)
      .send(pdf);
  }
}

@ApiTags('evaluation')
@ApiBearerAuth()
@Roles('ADMIN', 'EMPLOYEE')
@Controller()
export class OrgPerformanceController {
  constructor(
    private readonly perf: OrgPerformanceService,
    private readonly suggestions: OrgSuggestionService,
  ) {}

  @Get('units/:code/performance/:period/suggestion')
  @ApiOperation({
    summary:
      'Suggested organisation predicate from the rencana aksi on the unit head’s SKP (rule org.periodicSuggestion); a suggestion only, the leader of the parent unit sets the predicate',
  })
  @ApiResult('OrgSuggestionView')
  suggestion(@CurrentPrincipal() p: Principal, @Param('code') code: string, @Param('period') period: string) {
    return this.suggestions.suggestion(p, code, period);
  }

  @Put('units/:code/performance/:period')
  @ApiOperation({ summary: 'Capaian kinerja organisasi of a unit for a period (leader of the parent unit, or ADMIN)' })
  @ApiResult('UnitPerformanceView')
  setPerformance(
    @CurrentPrincipal() p: Principal,
    @Param('code') code: string,
    @Param('period') period: string,
    @Body() dto: UnitPerformanceDto,
  ) {
    return this.perf.setPerformance(p, code, period, dto);
  }

  @Get('units/:code/distribution/:period')
  @ApiOperation({
    summary: 'Employee-predicate distribution of a unit vs its org predicate (SE 3/2023): counts, violations, ok',
  })
  @ApiResult('DistributionReport')
  distribution(@CurrentPrincipal() p: Principal, @Param('code') code: string, @Param('period') period: string) {
    return this.perf.getDistribution(p, code, period);
  }

  @Get('evaluation-periods/:year')
  @ApiOperation({ summary: 'The evaluation calendar of a year: cadence (default QUARTERLY) and periods' })
  @ApiResult('EvaluationCalendar')
  calendar(@Param('year', ParseIntPipe) year: number) {
    return this.perf.getCadence(checkYear(year));
  }

  @Put('evaluation-periods/:year')
  @Roles('ADMIN')
  @ApiOperation({ summary: 'ADMIN: set the periodic cadence of a year (MONTHLY or QUARTERLY); ANNUAL always exists' })
  @ApiResult('EvaluationCalendar')
  setCadence(@Param('year', ParseIntPipe) year: number, @Body() dto: CadenceDto) {
    return this.perf.setCadence(checkYear(year), dto);
  }
}

function checkYear(year: number): number {
  if (year < 2000 || year > 2100)
    throw new InvalidInputError('Tahun tidak valid / invalid year', [{ field: 'year', problem: 'must be 2000..2100' }]);
  return year;
}
