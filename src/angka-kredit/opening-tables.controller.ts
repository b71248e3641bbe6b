import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NotFoundError } from '../common/domain-errors';
import { AdminOnly } from '../identity/auth.decorators';
import { CurrentPrincipal } from '../identity/current-principal.decorator';
import { Principal } from '../identity/principal';
import { ApiResult } from '../openapi/api-result.decorator';
import { OpeningTableVersionDto } from './dto/opening-table.dto';
import { OPENING_TABLES, type OpeningTableName } from './opening-tables.repository';
import { OpeningTablesService } from './opening-tables.service';
import type { OpeningTablesView } from './credit.views';

@ApiTags('angka kredit')
@ApiBearerAuth()
@Controller('angka-kredit/opening-tables')
export class OpeningTablesController {
  constructor(private readonly tables: OpeningTablesService) {}

  @AdminOnly()
  @Get()
  @ApiOperation({
    summary:
      'The OPEN annex tables of ak.opening (04 §9): perpindahan (PerBKN 3/2023 Lampiran II angka 3) and penyesuaian (angka 5), every version with its dates; the built-in version is the default',
  })
  @ApiResult('OpeningTablesView')
  @ApiNotFoundResponse({ description: 'Not an ADMIN' })
  list(): Promise<OpeningTablesView> {
    return this.tables.list();
  }

  @AdminOnly()
  @Put(':table')
  @ApiOperation({
    summary:
      'Adds a version of an annex table from its date (it ends the version before it; the past is never rewritten); 409 when a version from that date or with that id exists; audited',
  })
  @ApiResult('OpeningTablesView')
  @ApiNotFoundResponse({ description: 'Not an ADMIN, or not perpindahan|penyesuaian' })
  async put(
    @CurrentPrincipal() p: Principal,
    @Param('table') table: string,
    @Body() dto: OpeningTableVersionDto,
  ): Promise<OpeningTablesView> {
    if (!(OPENING_TABLES as readonly string[]).includes(table)) throw new NotFoundError('Tabel');
    return this.tables.add(p, table as OpeningTableName, dto);
  }
}
