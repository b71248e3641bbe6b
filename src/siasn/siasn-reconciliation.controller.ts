import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CSV_QUERY_DOC, sendExport, XLSX_CONTENT_TYPE } from '../common/export/export-reply';
import type { ExportColumn } from '../common/export/export-table';
import { AdminOnly } from '../identity/auth.decorators';
import { ApiFile, ApiResult } from '../openapi/api-result.decorator';
import { SiasnImportService } from './siasn-import.service';
import type { FileQuery } from './siasn-query.util';
import { ReconciliationQuery, SiasnReconciliationService } from './siasn-reconciliation.service';

const FINDINGS_DOC =
  'Per match key (NIP and the months, plus periodikId or jenis): MISSING_IN_SIASN (the engine has a row SIASN lacks), ' +
  'MISSING_IN_ENGINE (SIASN holds a row the engine does not produce), VALUE_MISMATCH and PENILAI_MISMATCH (fields: engine ' +
  'value vs SIASN value, write-side names), DUPLICATE_IN_SIASN (two or more SIASN rows for one key), ENGINE_NOT_READY (SIASN ' +
  'holds a row, the engine row is NOT_READY so it cannot be compared). Only people whose SIASN rows were imported ' +
  '(`POST /siasn/import`) are compared; read keys normalised per spec 04 §8.4. Never changes SIASN.';

const COLUMNS: ExportColumn[] = [
  { key: 'code', label: 'Temuan', kind: 'text' },
  { key: 'nip', label: 'NIP', kind: 'code' },
  { key: 'matchKey', label: 'Kunci', kind: 'text' },
  { key: 'naturalKey', label: 'Kunci Alami', kind: 'text' },
  { key: 'sourceRef', label: 'Sumber di Mesin', kind: 'text' },
  { key: 'siasnIds', label: 'ID SIASN', kind: 'text' },
  { key: 'fields', label: 'Field (mesin / SIASN)', kind: 'text' },
  { key: 'message', label: 'Keterangan', kind: 'text' },
];

@ApiTags('siasn')
@ApiBearerAuth()
@AdminOnly()
@Controller('siasn')
export class SiasnReconciliationController {
  constructor(
    private readonly imports: SiasnImportService,
    private readonly reconciliation: SiasnReconciliationService,
  ) {}

  @Post('import')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Import what SIASN holds for a set of people (ADMIN) → 202, a background job',
    description:
      'Reads `/pns/rw-skp22|rw-kinerjaperiodik|rw-angkakredit/{nip}` for each person (PNS in post in the unit and its ' +
      'sub-units at the end of the year, or the NIPs given) and stores the rows under the write-side names. Always a job: ' +
      'progress and per-person problems at `GET /siasn/import/{id}`. Only reads SIASN. 409 while SIASN_ENABLED is false.',
  })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['kind'],
      properties: {
        kind: { type: 'string', enum: ['skp22', 'kinerjaPeriodik', 'angkaKredit'] },
        year: { type: 'integer', example: 2026 },
        period: { type: 'string', example: '2026-Q2', description: 'kinerjaPeriodik: a month or a quarter' },
        unitCode: { type: 'string', description: 'either unitCode or nips' },
        nips: { type: 'array', items: { type: 'string', example: '198807192012071019' }, maxItems: 5000 },
      },
    },
  })
  @ApiResult('SiasnImportView', 202, 'Accepted')
  startImport(@Body() body: unknown) {
    return this.imports.start(body);
  }

  @Get('import/:id')
  @ApiOperation({ summary: 'An import: state QUEUED | RUNNING | DONE | FAILED, done of total, problems per person' })
  @ApiResult('SiasnImportView')
  getImport(@Param('id') id: string) {
    return this.imports.view(id);
  }

  @Get('reconciliation')
  @ApiOperation({ summary: 'Engine rows vs the rows imported from SIASN (ADMIN)', description: FINDINGS_DOC })
  @ApiQuery({ name: 'kind', example: 'skp22', description: 'skp22, kinerjaPeriodik or angkaKredit' })
  @ApiQuery({ name: 'year', required: false, example: 2026, description: 'required unless period is given' })
  @ApiQuery({ name: 'period', required: false, description: 'kinerjaPeriodik: 2026-03 or 2026-Q2' })
  @ApiQuery({ name: 'unitCode', required: false, description: 'the unit and its sub-units' })
  @ApiQuery({ name: 'nip', required: false })
  @ApiQuery({ name: 'limit', required: false, description: 'findings per page, default 100, max 1000 (whole people)' })
  @ApiQuery({ name: 'after', required: false })
  @ApiResult('SiasnReconciliationPage')
  page(@Query() q: ReconciliationQuery) {
    return this.reconciliation.page(q);
  }

  @Get('reconciliation.csv')
  @ApiOperation({ summary: 'The reconciliation findings as CSV (UTF-8 with BOM, formula-safe)' })
  @ApiFile('text/csv', 'CSV, one line per finding')
  @ApiQuery({ name: 'kind', example: 'skp22' })
  @ApiQuery({ name: 'year', required: false, example: 2026 })
  @ApiQuery({ name: 'period', required: false })
  @ApiQuery({ name: 'unitCode', required: false })
  @ApiQuery(CSV_QUERY_DOC[0])
  @ApiQuery(CSV_QUERY_DOC[1])
  @ApiQuery(CSV_QUERY_DOC[2])
  csv(@Query() q: FileQuery, @Res() reply: FastifyReply) {
    return this.file('csv', q, reply);
  }

  @Get('reconciliation.xlsx')
  @ApiOperation({ summary: 'The reconciliation findings as an Excel workbook' })
  @ApiFile(XLSX_CONTENT_TYPE, 'Excel workbook')
  @ApiQuery({ name: 'kind', example: 'skp22' })
  @ApiQuery({ name: 'year', required: false, example: 2026 })
  @ApiQuery({ name: 'period', required: false })
  @ApiQuery({ name: 'unitCode', required: false })
  xlsx(@Query() q: FileQuery, @Res() reply: FastifyReply) {
    return this.file('xlsx', q, reply);
  }

  private async file(format: 'csv' | 'xlsx', q: FileQuery, reply: FastifyReply) {
    const { sep: _s, bom: _b, codes: _c, ...query } = q;
    await this.reconciliation.check(query);
    const name = `siasn-rekonsiliasi-${q.kind ?? ''}-${q.period ?? q.year ?? ''}`.replace(/[^A-Za-z0-9-]/g, '');
    return sendExport(
      reply,
      format,
      {
        baseName: name,
        columns: COLUMNS,
        rows: this.reconciliation.exportRows(query),
        sheetName: 'Rekonsiliasi SIASN',
      },
      q,
    );
  }
}
