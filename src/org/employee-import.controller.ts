import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { readSheetRows, XLSX_MIME } from '../common/spreadsheet';
import { Roles } from '../identity/auth.decorators';
import { CreateEmployeeDto } from './dto/employee.dto';
import { EmployeeImportService } from './import/employee-import.service';
import { ApiResult } from '../openapi/api-result.decorator';

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
      'nip,name,status,golongan,unitCode,supervisorNip,password,positionTitle,positionKind,jenjang,kelasJabatan,isUnitHead,tmt,effectiveFrom. ' +
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
    // An .xlsx upload is read into rows first and then checked exactly like a CSV file.
    return this.importer.import(Buffer.isBuffer(body) ? { sheetRows: await readSheetRows(body) } : body);
  }
}
