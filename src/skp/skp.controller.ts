import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../identity/auth.decorators';
import { CurrentPrincipal } from '../identity/current-principal.decorator';
import { Principal } from '../identity/principal';
import { CreateSkpDto, RejectSkpDto, SkpListQuery, UpdateSkpDto } from './dto/skp.dto';
import { SkpQueries } from './skp-queries.service';
import { SkpService } from './skp.service';
import { ApiResult } from '../openapi/api-result.decorator';

@ApiTags('skp')
@ApiBearerAuth()
@Roles('ADMIN', 'EMPLOYEE')
@Controller('skp')
export class SkpController {
  constructor(
    private readonly skp: SkpService,
    private readonly queries: SkpQueries,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create my SKP for a year (DRAFT); one per employee per year (409 otherwise)' })
  @ApiResult('SkpView', 201, 'Created')
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateSkpDto) {
    return this.skp.create(p, dto);
  }

  @Get()
  @ApiOperation({
    summary: 'SKPs the caller may see: own, their direct reports’ (as PPK), their PPK’s approved SKP; ADMIN all',
  })
  @ApiResult('SkpPage')
  list(@CurrentPrincipal() p: Principal, @Query() q: SkpListQuery) {
    return this.queries.list(p, q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One SKP with results, indicators, core values, lampiran, snapshots and history' })
  @ApiResult('SkpView')
  get(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.queries.get(p, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Edit a DRAFT (the employee); each section given replaces that section' })
  @ApiResult('SkpView')
  update(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: UpdateSkpDto) {
    return this.skp.update(p, id, dto);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @ApiOperation({
    summary: 'DRAFT → SUBMITTED (the employee signs); 422 with every unmet rule, or when there is no PPK',
  })
  @ApiResult('SkpView')
  submit(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.skp.submit(p, id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'SUBMITTED → APPROVED (penetapan by the PPK on the date); when the PPK has no approved SKP of the year, `warnings: [{ code: UNLINKED_RESULTS }]` (listed by GET /units/{code}/gaps); with one, UTAMA results without parentResultId → 422',
  })
  @ApiResult('SkpView')
  approve(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.skp.approve(p, id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'SUBMITTED → DRAFT with the PPK’s reason kept' })
  @ApiResult('SkpView')
  reject(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: RejectSkpDto) {
    return this.skp.reject(p, id, dto);
  }

  @Get(':id/cascade')
  @ApiOperation({
    summary: 'Matriks Peran Hasil: this SKP’s results with the subordinates’ results that intervene each',
  })
  @ApiResult('CascadeView')
  cascade(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.queries.cascade(p, id);
  }
}
