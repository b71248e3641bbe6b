import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../identity/auth.decorators';
import { CurrentPrincipal } from '../identity/current-principal.decorator';
import { Principal } from '../identity/principal';
import { ApiResult } from '../openapi/api-result.decorator';
import { MyAllowancesQuery } from './my-allowances.dto';
import { MyAllowancesService } from './my-allowances.service';
import type { MyAllowanceYear } from './my-allowances.views';

@ApiTags('me')
@ApiBearerAuth()
@Roles('ADMIN', 'EMPLOYEE')
@Controller('me/allowances')
export class MyAllowancesController {
  constructor(private readonly service: MyAllowancesService) {}

  @Get()
  @ApiOperation({
    summary:
      'My TPP lines of a year, month by month: entitlement and its parts, every deduction with its reason, net, corrections, warnings, month OPEN/CLOSED',
    description:
      'Only the caller’s own lines (an account without an employee record: 404). Months without a run are absent. Integer rupiah.',
  })
  @ApiResult('MyAllowanceYear')
  get(@CurrentPrincipal() p: Principal, @Query() q: MyAllowancesQuery): Promise<MyAllowanceYear> {
    return this.service.ofYear(p, q.year);
  }
}
