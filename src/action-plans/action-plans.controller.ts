import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../identity/auth.decorators';
import { CurrentPrincipal } from '../identity/current-principal.decorator';
import { Principal } from '../identity/principal';
import { ApiResult } from '../openapi/api-result.decorator';
import { ActionPlansService } from './action-plans.service';
import {
  ActionPlanQuery,
  ActionPlansDto,
  ActionPlanUpdateDto,
  FeedbackEntryDto,
  FeedbackQuery,
  ProgressDto,
} from './dto/action-plan.dto';

@ApiTags('skp')
@ApiBearerAuth()
@Roles('ADMIN', 'EMPLOYEE')
@Controller('skp/:id')
export class ActionPlansController {
  constructor(private readonly plans: ActionPlansService) {}

  @Get('action-plans')
  @ApiOperation({ summary: 'Rencana aksi of the SKP (one period with ?period=), with progress and realisasi' })
  @ApiResult('ActionPlanList')
  list(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query() q: ActionPlanQuery) {
    return this.plans.list(p, id, q.period);
  }

  @Put('action-plans/:period')
  @ApiOperation({
    summary:
      'The employee sets the rencana aksi of a period (2026-Q2; rencanaAksi.granularity MONTH: 2026-05) per RHK of an APPROVED SKP; replaces the set until the PPK agrees it (409 after)',
  })
  @ApiResult('ActionPlanList')
  put(
    @CurrentPrincipal() p: Principal,
    @Param('id') id: string,
    @Param('period') period: string,
    @Body() dto: ActionPlansDto,
  ) {
    return this.plans.put(p, id, period, dto);
  }

  @Post('action-plans/:period/agree')
  @HttpCode(200)
  @ApiOperation({ summary: 'The PPK agrees the period’s rencana aksi (DRAFT → AGREED)' })
  @ApiResult('ActionPlanList')
  agree(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Param('period') period: string) {
    return this.plans.agree(p, id, period);
  }

  @Post('action-plans/:period/:planId/progress')
  @ApiOperation({
    summary: 'Progres harian of a rencana aksi (date in the period and the SKP’s dates; bukti dukung https only)',
  })
  @ApiResult('ActionPlanView', 201, 'Created')
  progress(
    @CurrentPrincipal() p: Principal,
    @Param('id') id: string,
    @Param('period') period: string,
    @Param('planId') planId: string,
    @Body() dto: ProgressDto,
  ) {
    return this.plans.addProgress(p, id, period, planId, dto);
  }

  @Patch('action-plans/:period/:planId')
  @ApiOperation({
    summary:
      'The employee’s realisasi instead of Σ progress (with a reason, audited; null = Σ progress), bukti dukung, narrative',
  })
  @ApiResult('ActionPlanView')
  update(
    @CurrentPrincipal() p: Principal,
    @Param('id') id: string,
    @Param('period') period: string,
    @Param('planId') planId: string,
    @Body() dto: ActionPlanUpdateDto,
  ) {
    return this.plans.update(p, id, period, planId, dto);
  }

  @Post('feedback')
  @ApiOperation({
    summary:
      'Umpan balik berkelanjutan: the PPK (or atasan PPK) adds an entry per RHK, rencana aksi or core value; append-only; the latest per RHK/core value shows on the DEKP',
  })
  @ApiResult('FeedbackView', 201, 'Created')
  addFeedback(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: FeedbackEntryDto) {
    return this.plans.addFeedback(p, id, dto);
  }

  @Get('feedback')
  @ApiOperation({ summary: 'The feedback log of the SKP (one period with ?period=), oldest first' })
  @ApiResult('FeedbackList')
  feedback(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query() q: FeedbackQuery) {
    return this.plans.feedback(p, id, q.period);
  }
}
