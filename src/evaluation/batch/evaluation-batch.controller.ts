import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { Roles } from '../../identity/auth.decorators';
import { CurrentPrincipal } from '../../identity/current-principal.decorator';
import { Principal } from '../../identity/principal';
import { EvaluationBatchService } from './evaluation-batch.service';
import { ApiResult } from '../../openapi/api-result.decorator';

export class FinalizeBatchDto {
  @ApiProperty({ example: '2026', description: 'YYYY (annual), YYYY-Q1..Q4 or YYYY-01..12' })
  @IsString()
  @Matches(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/)
  period: string;

  @ApiPropertyOptional({ description: 'only evaluations counted in this unit or its sub-units' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  unitCode?: string;

  @ApiPropertyOptional({
    description:
      'for units whose distribution check fails (recorded); without it their evaluations are skipped and listed',
  })
  @IsOptional()
  @IsString()
  @MinLength(10)
  @MaxLength(4000)
  justification?: string;
}

@ApiTags('evaluation')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('evaluations')
export class EvaluationBatchController {
  constructor(private readonly batch: EvaluationBatchService) {}

  @Post('finalize-batch')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'ADMIN, year end: every RATED evaluation of a period (optionally one unit subtree) → ISSUED; in chunks of 1,000',
    description:
      'Same rules as a PPK finalize: unit distribution check (failing units need a justification, else skipped and listed), DEKP identity snapshot, ' +
      'audit, and the objection window opens. It only issues: FINAL comes from the employee’s acceptance, the atasan PPK’s decision on a keberatan, ' +
      'or the expiry of the window (01 §11), so an `accept` field is refused (400).',
  })
  @ApiResult('FinalizeBatchResult')
  finalizeBatch(@CurrentPrincipal() p: Principal, @Body() dto: FinalizeBatchDto) {
    return this.batch.finalizeBatch(p, dto);
  }
}
