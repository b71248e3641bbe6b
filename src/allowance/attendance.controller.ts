import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { KeyScopes, Roles } from '../identity/auth.decorators';
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
    description: 'All-or-nothing: unknown NIPs or bad rows → 400 with every row in `errors` (row, nip, field, problem); nothing is written. lateMinutes/earlyLeaveMinutes: one item per occurrence, null = no check-in.',
  })
  @ApiBody({ schema: { type: 'object', example: { month: '2026-03', records: [{ nip: '198703152010011002', lateMinutes: [12, 45], earlyLeaveMinutes: [], absentDays: 0, missedApel: 1 }] } } })
  ingest(@Body() body: Record<string, unknown>) {
    return this.attendance.ingest(body);
  }
}
