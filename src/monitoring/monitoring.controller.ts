import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminOnly } from '../identity/auth.decorators';
import { YearEndMonitorService } from './year-end-monitor.service';
import { YearEndBehindPageDto, YearEndBehindQuery, YearEndProgressDto, YearEndQuery } from './year-end.dto';

@ApiTags('monitoring')
@ApiBearerAuth()
@Controller('monitoring')
export class MonitoringController {
  constructor(private readonly yearEnd: YearEndMonitorService) {}

  @AdminOnly()
  @Get('year-end')
  @ApiOperation({
    summary:
      'Year-end close progress of a unit (or the agency) and its sub-units, rolled up: SKPs approved, evaluations rated/issued/final, keberatan open, distribution checks',
  })
  @ApiOkResponse({ type: YearEndProgressDto })
  @ApiNotFoundResponse({ description: 'Not an ADMIN, or unknown unitCode' })
  progress(@Query() q: YearEndQuery): Promise<YearEndProgressDto> {
    return this.yearEnd.progress(q);
  }

  @AdminOnly()
  @Get('year-end/behind')
  @ApiOperation({
    summary:
      'The people of a unit (with sub-units) who have not reached a year-end stage, with the PPK who must act; by NIP, cursor-paged',
  })
  @ApiOkResponse({ type: YearEndBehindPageDto })
  @ApiNotFoundResponse({ description: 'Not an ADMIN, or unknown unitCode' })
  behind(@Query() q: YearEndBehindQuery): Promise<YearEndBehindPageDto> {
    return this.yearEnd.behind(q);
  }
}
