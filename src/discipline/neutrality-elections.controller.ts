import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../identity/auth.decorators';
import { ApiResult } from '../openapi/api-result.decorator';
import { CreateElectionDto, UpdateElectionDto } from './dto/neutrality.dto';
import { NeutralityElectionsService } from './neutrality-elections.service';

/** Elections (Pemilu / Pilkada) and their penetapan dates: the data deciding BAKAL_CALON vs CALON (04 §7). */
@ApiTags('discipline and netralitas')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('discipline/elections')
export class NeutralityElectionsController {
  constructor(private readonly elections: NeutralityElectionsService) {}

  @Get()
  @ApiOperation({ summary: 'Elections with their windows and penetapan pasangan calon dates (ADMIN)' })
  @ApiResult('ElectionList')
  list() {
    return this.elections.list();
  }

  @Post()
  @ApiOperation({
    summary:
      'Add an election (ADMIN, audited): acts in [from, to] are CALON from the penetapan date, BAKAL_CALON before; 409 when the code exists',
  })
  @ApiResult('ElectionView', 201, 'Created')
  create(@Body() dto: CreateElectionDto) {
    return this.elections.create(dto);
  }

  @Put(':code')
  @ApiOperation({
    summary:
      'Change an election (ADMIN, audited); cases already reported keep the stage recorded when they were reported',
  })
  @ApiResult('ElectionView')
  update(@Param('code') code: string, @Body() dto: UpdateElectionDto) {
    return this.elections.update(code, dto);
  }
}
