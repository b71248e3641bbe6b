import { Body, Controller, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiQuery, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { readSheetRows, XLSX_MIME } from '../common/spreadsheet';
import { KeyScopes, Roles } from '../identity/auth.decorators';
import { ApiResult } from '../openapi/api-result.decorator';
import { ATTENDANCE_COLUMNS, attendanceRecordsFromRows, csvRows } from './attendance-file';
import { AttendanceService } from './attendance.service';

@ApiTags('allowances')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('attendance')
export class AttendanceController {
  constructor(private readonly attendance: AttendanceService) {}

  @Post()
  @HttpCode(200)
  @Roles('ADMIN')
  @KeyScopes('attendance:write')
  @ApiOperation({
    summary: 'Monthly attendance (ADMIN or API key attendance:write), idempotent per (nip, month): a resend replaces',
    description:
      'All-or-nothing: unknown NIPs or bad rows → 400 with every row in `errors` (row, nip, field, problem); nothing is written. lateMinutes/earlyLeaveMinutes: one item per occurrence, null = no check-in. ' +
      "leave (optional): [{ type, days, childOrder? }] by kind of spec 04 §5.2 (CUTI_TAHUNAN, CUTI_SAKIT, CUTI_BESAR, CUTI_MELAHIRKAN with childOrder, …), priced by the rule set's leaveRules; type null = kind not recorded (the line carries LEAVE_KIND_MISSING). " +
      'fwaDays (optional, ≤ absentDays): approved flexible-work days (PermenPANRB 4/2025), not counted as absence under fwa.countsAsPresent. ' +
      `Files: text/csv or .xlsx (${XLSX_MIME}, first sheet) with ?month=YYYY-MM and a header row of ${ATTENDANCE_COLUMNS.join(', ')}; ` +
      'minutes lists in one cell ("12, 45"; "-" = no check-in); leave as TYPE:days[:childOrder] items separated by spaces or | ("CUTI_SAKIT:2 CUTI_MELAHIRKAN:3:2"; "-:1" = kind not recorded). Errors then give the data row (1-based, the header is row 0) and the column.',
  })
  @ApiConsumes('application/json', 'text/csv', XLSX_MIME)
  @ApiQuery({
    name: 'month',
    required: false,
    example: '2026-03',
    description: 'Required for CSV and .xlsx uploads (JSON carries it in the body)',
  })
  @ApiBody({
    schema: {
      type: 'object',
      example: {
        month: '2026-03',
        records: [
          {
            nip: '198703152010011002',
            lateMinutes: [12, 45],
            earlyLeaveMinutes: [],
            absentDays: 1,
            missedApel: 1,
            leave: [{ type: 'CUTI_SAKIT', days: 2 }],
            fwaDays: 1,
          },
        ],
      },
    },
  })
  @ApiResult('AttendanceResult')
  async ingest(@Body() body: unknown, @Query('month') month?: string) {
    if (Buffer.isBuffer(body) || typeof body === 'string') {
      const rows = Buffer.isBuffer(body) ? await readSheetRows(body) : csvRows(body);
      const file = attendanceRecordsFromRows(rows);
      return this.attendance.ingest({ month, records: file.records }, { rowNumbers: file.rowNumbers });
    }
    return this.attendance.ingest(body);
  }
}
