import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../identity/auth.decorators';
import { GapsQuery } from './dto/gaps.dto';
import { GapsService } from './gaps.service';
import { GAP_CODES } from './ppk-rules.util';
import { ApiResult } from '../openapi/api-result.decorator';

@ApiTags('organisation')
@ApiBearerAuth()
@Controller('units')
export class OrgReportsController {
  constructor(private readonly gaps: GapsService) {}

  @Roles('ADMIN')
  @Get(':code/gaps')
  @ApiOperation({
    summary: 'Employees of a unit subtree who cannot be planned or rated as things stand on a date',
    description: `Reason codes: ${GAP_CODES.join(', ')}. A PPK must be at least a pejabat pengawas (and senior enough for the rated position, spec 01 §2.2) unless the PPK holds a Plt/Plh/delegation.`,
  })
  @ApiResult('GapsReport')
  report(@Param('code') code: string, @Query() q: GapsQuery) {
    return this.gaps.report(code, q);
  }
}
