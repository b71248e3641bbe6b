import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CSV_QUERY_DOC, sendExport, XLSX_CONTENT_TYPE } from '../common/export/export-reply';
import { AdminOnly, KeyScopes } from '../identity/auth.decorators';
import { ApiFile, ApiResult } from '../openapi/api-result.decorator';
import type { SiasnKind } from '../rules';
import { siasnColumns } from './siasn-export';
import type { FileQuery } from './siasn-query.util';
import { SiasnReadQuery, SiasnReadService } from './siasn-read.service';

const ITEM_DOC =
  'Items { nip, naturalKey, payload (the exact SIASN …/save body, spec 04 §8.2), status (READY, NOT_READY, or the outbox state ' +
  'PENDING/SENDING/SENT/FAILED/DEAD/SUPERSEDED), siasnId, sourceRef, problems [{code, message}] } by NIP. A row that cannot be ' +
  'built (no SIASN person id, no riwayat-jabatan id, no PPK, PAK not issued) is NOT_READY with its problems, never left out silently. ';
const FILE_DOC =
  'UTF-8 CSV with BOM (or XLSX), one line per row, payload fields as columns; text cells neutralised against spreadsheet ' +
  'formulas; NIP and codes kept as text. For offices that upload to SIASN by hand.';

@ApiTags('siasn')
@ApiBearerAuth()
@ApiSecurity('api-key')
@AdminOnly()
@KeyScopes('siasn:read')
@Controller('siasn')
export class SiasnReadController {
  constructor(private readonly read: SiasnReadService) {}

  @Get('skp22')
  @ApiOperation({
    summary: 'skp22/save bodies of FINAL annual evaluations (ADMIN or API key siasn:read)',
    description: ITEM_DOC,
  })
  @ApiQuery({ name: 'year', example: 2026 })
  @ApiQuery({ name: 'unitCode', required: false, description: 'the unit and its sub-units' })
  @ApiQuery({ name: 'nip', required: false })
  @ApiQuery({ name: 'limit', required: false, description: 'default 100, max 1000' })
  @ApiQuery({ name: 'after', required: false })
  @ApiResult('SiasnPage')
  skp22(@Query() q: SiasnReadQuery) {
    return this.read.page('SKP22', q);
  }

  @Get('kinerja-periodik')
  @ApiOperation({
    summary: 'kinerjaperiodik/save bodies of FINAL monthly/quarterly evaluations (JF only by default)',
    description: ITEM_DOC,
  })
  @ApiQuery({ name: 'period', example: '2026-Q2' })
  @ApiQuery({ name: 'unitCode', required: false })
  @ApiQuery({ name: 'nip', required: false })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'after', required: false })
  @ApiResult('SiasnPage')
  kinerjaPeriodik(@Query() q: SiasnReadQuery) {
    return this.read.page('KINERJA_PERIODIK', q);
  }

  @Get('angka-kredit')
  @ApiOperation({
    summary: 'angkakredit/save bodies of the AK ledger entries ending in a year (konversi, integrasi, pertama)',
    description: ITEM_DOC,
  })
  @ApiQuery({ name: 'year', example: 2026 })
  @ApiQuery({ name: 'nip', required: false })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'after', required: false })
  @ApiResult('SiasnPage')
  angkaKredit(@Query() q: SiasnReadQuery) {
    return this.read.page('ANGKA_KREDIT', q);
  }

  @Get('skp22.csv')
  @ApiOperation({ summary: 'The skp22 rows as CSV', description: FILE_DOC })
  @ApiFile('text/csv', 'CSV, one line per row')
  @ApiQuery({ name: 'year', example: 2026 })
  @ApiQuery({ name: 'unitCode', required: false })
  @ApiQuery(CSV_QUERY_DOC[0])
  @ApiQuery(CSV_QUERY_DOC[1])
  @ApiQuery(CSV_QUERY_DOC[2])
  skp22Csv(@Query() q: FileQuery, @Res() reply: FastifyReply) {
    return this.file('SKP22', 'csv', q, reply);
  }

  @Get('skp22.xlsx')
  @ApiOperation({ summary: 'The skp22 rows as an Excel workbook', description: FILE_DOC })
  @ApiFile(XLSX_CONTENT_TYPE, 'Excel workbook')
  @ApiQuery({ name: 'year', example: 2026 })
  @ApiQuery({ name: 'unitCode', required: false })
  skp22Xlsx(@Query() q: FileQuery, @Res() reply: FastifyReply) {
    return this.file('SKP22', 'xlsx', q, reply);
  }

  @Get('kinerja-periodik.csv')
  @ApiOperation({ summary: 'The kinerja periodik rows as CSV', description: FILE_DOC })
  @ApiFile('text/csv', 'CSV, one line per row')
  @ApiQuery({ name: 'period', example: '2026-Q2' })
  @ApiQuery({ name: 'unitCode', required: false })
  @ApiQuery(CSV_QUERY_DOC[0])
  @ApiQuery(CSV_QUERY_DOC[1])
  @ApiQuery(CSV_QUERY_DOC[2])
  kinerjaPeriodikCsv(@Query() q: FileQuery, @Res() reply: FastifyReply) {
    return this.file('KINERJA_PERIODIK', 'csv', q, reply);
  }

  @Get('kinerja-periodik.xlsx')
  @ApiOperation({ summary: 'The kinerja periodik rows as an Excel workbook', description: FILE_DOC })
  @ApiFile(XLSX_CONTENT_TYPE, 'Excel workbook')
  @ApiQuery({ name: 'period', example: '2026-Q2' })
  @ApiQuery({ name: 'unitCode', required: false })
  kinerjaPeriodikXlsx(@Query() q: FileQuery, @Res() reply: FastifyReply) {
    return this.file('KINERJA_PERIODIK', 'xlsx', q, reply);
  }

  @Get('angka-kredit.csv')
  @ApiOperation({ summary: 'The angka kredit rows as CSV', description: FILE_DOC })
  @ApiFile('text/csv', 'CSV, one line per row')
  @ApiQuery({ name: 'year', example: 2026 })
  @ApiQuery(CSV_QUERY_DOC[0])
  @ApiQuery(CSV_QUERY_DOC[1])
  @ApiQuery(CSV_QUERY_DOC[2])
  angkaKreditCsv(@Query() q: FileQuery, @Res() reply: FastifyReply) {
    return this.file('ANGKA_KREDIT', 'csv', q, reply);
  }

  @Get('angka-kredit.xlsx')
  @ApiOperation({ summary: 'The angka kredit rows as an Excel workbook', description: FILE_DOC })
  @ApiFile(XLSX_CONTENT_TYPE, 'Excel workbook')
  @ApiQuery({ name: 'year', example: 2026 })
  angkaKreditXlsx(@Query() q: FileQuery, @Res() reply: FastifyReply) {
    return this.file('ANGKA_KREDIT', 'xlsx', q, reply);
  }

  private async file(kind: SiasnKind, format: 'csv' | 'xlsx', q: FileQuery, reply: FastifyReply) {
    const { sep: _s, bom: _b, codes: _c, ...query } = q;
    await this.read.check(kind, query);
    const name = `siasn-${kind.toLowerCase().replace('_', '-')}-${q.year ?? q.period ?? ''}`.replace(
      /[^A-Za-z0-9-]/g,
      '',
    );
    return sendExport(
      reply,
      format,
      {
        baseName: name,
        columns: siasnColumns(kind),
        rows: this.read.exportRows(kind, query),
        sheetName: `SIASN ${kind}`,
      },
      q,
    );
  }
}
