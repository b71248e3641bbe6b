import { Body, Controller, HttpCode, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CSV_QUERY_DOC, ExportFile, sendExport, XLSX_CONTENT_TYPE } from '../common/export/export-reply';
import { ExportColumn } from '../common/export/export-table';
import { readSheetRows, XLSX_MIME } from '../common/spreadsheet';
import { Roles } from '../identity/auth.decorators';
import { CreateEmployeeDto } from './dto/employee.dto';
import { EmployeeImportService } from './import/employee-import.service';
import { ApiFile, ApiResult } from '../openapi/api-result.decorator';

/** Columns of the import error report (CSV keys for programs, XLSX labels for people). */
const IMPORT_ERROR_COLUMNS: readonly ExportColumn[] = [
  { key: 'row', label: 'Baris', kind: 'integer' },
  { key: 'nip', label: 'NIP', kind: 'code' },
  { key: 'field', label: 'Kolom', kind: 'text', width: 24 },
  { key: 'problem', label: 'Masalah', kind: 'text', width: 80 },
];

@ApiTags('organisation')
@ApiBearerAuth()
@Controller('employees')
export class EmployeeImportController {
  constructor(private readonly importer: EmployeeImportService) {}

  @Roles('ADMIN')
  @Post('import')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Bulk import of employees (≤ 10,000 rows), all-or-nothing, idempotent on NIP',
    description:
      'JSON: an array of POST /employees bodies (optional effectiveFrom per row). CSV (text/csv, "," or ";"): header line with columns ' +
      'nip,name,status,golongan,unitCode,supervisorNip,password,positionTitle,positionKind,jenjang,kelasJabatan,isUnitHead,tmt,effectiveFrom ' +
      'and optionally the personal data of the PAK: birthPlace,karpegNumber,tmtPangkat,educationLevel,educationName,mkgYears,mkgMonths,mkgAsOf ' +
      '(an absent column keeps what is stored, a blank cell clears it). ' +
      'Excel (.xlsx, body with content type ' +
      XLSX_MIME +
      '): the first sheet with the same header row; NIPs as text. ' +
      'Rows are numbered from 1 (the CSV header is row 0). An existing NIP is updated: a new history row from effectiveFrom (default tmt) when ' +
      'position, golongan, unit or supervisor changed. Supervisors may be rows of the same file, in any order. A password is only used to ' +
      'create a missing login account; it never resets an existing one. With any bad row: 400, nothing written, every problem listed in `errors`.',
  })
  @ApiConsumes('application/json', 'text/csv', XLSX_MIME)
  @ApiBody({ type: [CreateEmployeeDto] })
  @ApiResult('ImportResult')
  @ApiBadRequestResponse({
    schema: {
      example: {
        statusCode: 400,
        message: 'Impor ditolak …',
        created: 0,
        updated: 0,
        errors: [{ row: 17, field: 'golongan', problem: 'unknown golongan' }],
      },
    },
  })
  async import(@Body() body: unknown) {
    return this.importer.import(await this.rows(body));
  }

  @Roles('ADMIN')
  @Post('import/errors.csv')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Import error report as CSV: the same body as POST /employees/import, checked, nothing written',
    description:
      'One line per problem (row, NIP written on the row, column, problem); only the header when the file would import. ' +
      'UTF-8 with BOM, `sep` comma|semicolon, NIP as ="…" text unless `codes=plain`.',
  })
  @ApiConsumes('application/json', 'text/csv', XLSX_MIME)
  @ApiFile('text/csv', 'CSV, one line per problem (only the header when the file would import)')
  @ApiQuery(CSV_QUERY_DOC[0])
  @ApiQuery(CSV_QUERY_DOC[1])
  @ApiQuery(CSV_QUERY_DOC[2])
  async errorsCsv(@Body() body: unknown, @Query() q: Record<string, string>, @Res() reply: FastifyReply) {
    return sendExport(reply, 'csv', await this.report(body), q);
  }

  @Roles('ADMIN')
  @Post('import/errors.xlsx')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Import error report as an Excel workbook (header in Bahasa Indonesia, NIP as text); nothing written',
  })
  @ApiConsumes('application/json', 'text/csv', XLSX_MIME)
  @ApiFile(XLSX_CONTENT_TYPE, 'Excel workbook, one row per problem')
  async errorsXlsx(@Body() body: unknown, @Res() reply: FastifyReply) {
    return sendExport(reply, 'xlsx', await this.report(body));
  }

  /** An .xlsx upload is read into rows first and then checked exactly like a CSV file. */
  private async rows(body: unknown): Promise<unknown> {
    return Buffer.isBuffer(body) ? { sheetRows: await readSheetRows(body) } : body;
  }

  private async report(body: unknown): Promise<ExportFile> {
    const { errors, nipByRow } = await this.importer.problems(await this.rows(body));
    return {
      baseName: 'impor-pegawai-masalah',
      columns: IMPORT_ERROR_COLUMNS,
      rows: [errors.map((e) => [e.row, nipByRow.get(e.row) ?? null, e.field, e.problem])],
      sheetName: 'Masalah Impor',
    };
  }
}
