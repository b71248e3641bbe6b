import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { conflict, notFound } from '../common/api-error';
import { AdminOnly } from '../identity/auth.decorators';
import { CurrentPrincipal } from '../identity/current-principal.decorator';
import { actorLabel, Principal } from '../identity/principal';
import { ApiResult } from '../openapi/api-result.decorator';
import { OpeningTableVersionDto } from './dto/opening-table.dto';
import { OPENING_TABLES, OpeningTablesRepository, type OpeningTableName } from './opening-tables.repository';
import type { OpeningTablesView } from './credit.views';

@ApiTags('angka kredit')
@ApiBearerAuth()
@Controller('angka-kredit/opening-tables')
export class OpeningTablesController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tables: OpeningTablesRepository,
    private readonly audit: AuditService,
  ) {}

  @AdminOnly()
  @Get()
  @ApiOperation({
    summary:
      'The OPEN annex tables of ak.opening (04 §9): perpindahan (PerBKN 3/2023 Lampiran II angka 3) and penyesuaian (angka 5), every version with its dates; the built-in version is the default',
  })
  @ApiResult('OpeningTablesView')
  @ApiNotFoundResponse({ description: 'Not an ADMIN' })
  list(): Promise<OpeningTablesView> {
    return this.tables.tables();
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
    if (!(OPENING_TABLES as readonly string[]).includes(table)) throw notFound('Tabel');
    const name = table as OpeningTableName;
    await this.dataSource.transaction(async (m) => {
      const rows = dto.rows.map((r) => ({ ...r, education: r.education ?? undefined }));
      const added = await this.tables.insert(m, name, {
        versionId: dto.id,
        effectiveFrom: dto.effectiveFrom,
        legalBasis: dto.legalBasis,
        rows,
        createdBy: actorLabel(p).actor,
      });
      if (!added)
        throw conflict(
          `Versi tabel ${name} dengan id atau tanggal berlaku ini sudah ada / a version with this id or date exists`,
        );
      await this.audit.record(m, {
        action: 'credit.opening-table',
        entityType: 'AkOpeningTable',
        entityId: `${name}:${dto.id}`,
        after: dto,
      });
    });
    return this.tables.tables();
  }
}
