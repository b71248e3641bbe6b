import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../identity/auth.decorators';
import { CurrentPrincipal } from '../identity/current-principal.decorator';
import { Principal } from '../identity/principal';
import { ApiResult } from '../openapi/api-result.decorator';
import { MeQuery, TeamQuery } from './me.dto';
import { MeService } from './me.service';
import { MeView, TeamView } from './me.views';

@ApiTags('me')
@ApiBearerAuth()
@Roles('ADMIN', 'EMPLOYEE')
@Controller('me')
export class MeController {
  constructor(private readonly me: MeService) {}

  @Get()
  @ApiOperation({
    summary:
      'Who I am on a date: employee record, position, unit, my PPK and atasan PPK, whom I am PPK / atasan PPK of, roles',
  })
  @ApiResult('MeView')
  get(@CurrentPrincipal() p: Principal, @Query() q: MeQuery): Promise<MeView> {
    return this.me.me(p as Principal & { kind: 'user' }, q.on);
  }

  @Get('team')
  @ApiOperation({
    summary:
      'My reports on a date (and, as atasan PPK, theirs) with the status of their SKP of the year and its evaluations, in one call',
  })
  @ApiResult('TeamView')
  team(@CurrentPrincipal() p: Principal, @Query() q: TeamQuery): Promise<TeamView> {
    return this.me.team(p, q);
  }
}
