import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NotFoundError } from '../common/domain-errors';
import { Roles } from '../identity/auth.decorators';
import { DelegationsService } from './delegations.service';
import { CreateDelegationDto, DelegationListQuery, EndDelegationDto } from './dto/delegation.dto';
import { ApiResult } from '../openapi/api-result.decorator';

@ApiTags('organisation')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('delegations')
export class DelegationsController {
  constructor(private readonly delegations: DelegationsService) {}

  @Post()
  @ApiOperation({
    summary:
      'Record a Plt/Plh/delegasi PPK between two dates, for one employee or for all reports of an absent official',
  })
  @ApiResult('DelegationList', 201, 'Created')
  create(@Body() dto: CreateDelegationDto) {
    return this.delegations.create(dto);
  }

  @Get()
  @ApiOperation({ summary: 'List PPK delegations (filter by employee, delegate, date)' })
  @ApiResult('DelegationPage')
  list(@Query() q: DelegationListQuery) {
    return this.delegations.list(q);
  }

  @Post(':id/end')
  @HttpCode(200)
  @ApiOperation({ summary: 'End a delegation earlier (the record is kept, its last day moves)' })
  @ApiResult('DelegationView')
  end(
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => notFoundDelegation() })) id: string,
    @Body() dto: EndDelegationDto,
  ) {
    return this.delegations.end(id, dto);
  }
}

/** A malformed id is simply an id that does not exist. */
function notFoundDelegation() {
  return new NotFoundError('Delegasi');
}
