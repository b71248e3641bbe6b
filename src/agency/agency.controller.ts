import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../identity/auth.decorators';
import { AgencyProfileDto } from './agency.dto';
import { AgencyService } from './agency.service';
import { ApiResult } from '../openapi/api-result.decorator';

@ApiTags('agency')
@ApiBearerAuth()
@Controller('agency')
export class AgencyController {
  constructor(private readonly agency: AgencyService) {}

  @Get()
  @ApiOperation({
    summary:
      'The agency identity printed on official documents: name, town, letterhead, logo, PAK/DEKP number formats, signing officials by role, tembusan (configured=false until an ADMIN saves it)',
  })
  @ApiResult('AgencyView')
  get() {
    return this.agency.view();
  }

  @Roles('ADMIN')
  @Put()
  @ApiOperation({
    summary: 'Replace the agency identity (ADMIN, audited). Omit logoPngBase64 to keep the logo, null to remove it.',
  })
  @ApiResult('AgencyView')
  put(@Body() dto: AgencyProfileDto) {
    return this.agency.update(dto);
  }
}
