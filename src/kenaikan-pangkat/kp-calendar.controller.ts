import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NotFoundError } from '../common/domain-errors';
import { Clock } from '../common/clock';
import { Cursor } from '../common/pagination';
import { AdminOnly } from '../identity/auth.decorators';
import { OrgDirectory } from '../org/org-directory.service';
import { ApiResult } from '../openapi/api-result.decorator';
import { KpCalendarQuery } from './kp-calendar.dto';
import { KpCalendarService } from './kp-calendar.service';
import type { KpCalendarPage } from './kp-calendar.views';

@ApiTags('kenaikan pangkat')
@ApiBearerAuth()
@Controller('kenaikan-pangkat')
export class KpCalendarController {
  constructor(
    private readonly calendar: KpCalendarService,
    private readonly org: OrgDirectory,
    private readonly clock: Clock,
  ) {}

  @AdminOnly()
  @Get('calendar')
  @ApiOperation({
    summary:
      'Kenaikan pangkat calendar (04 §3) as of today: every PNS whose KP TMT falls in the year, with the proposal window and status ELIGIBLE, DELAYED (a sanction moved the TMT, with the reason) or NOT_YET (unmet conditions); people whose case cannot be decided (education not recorded, ledger not computable) are listed with a null TMT. Ordered by TMT then NIP, cursor-paged',
  })
  @ApiResult('KpCalendarPage')
  @ApiNotFoundResponse({ description: 'Not an ADMIN, or unknown unitCode' })
  async list(@Query() q: KpCalendarQuery): Promise<KpCalendarPage> {
    const today = this.clock.today();
    const unitIds = q.unitCode ? await this.org.subtreeUnitIdsByCode(q.unitCode) : null;
    if (unitIds && unitIds.length === 0) throw new NotFoundError('Unit');
    const rows = (await this.calendar.rows(today, unitIds)).filter(
      (r) => r.tmt === null || r.tmt.startsWith(`${q.year}-`),
    );
    const after = Cursor.decode(q.after) as [string, string] | null;
    const key = (r: { tmt: string | null; nip: string }) => `${r.tmt ?? '9999'}|${r.nip}`;
    const start = after ? rows.filter((r) => key(r) > `${after[0]}|${after[1]}`) : rows;
    const limit = q.limit ?? 100;
    const page = start.slice(0, limit);
    const last = page.at(-1);
    return {
      year: q.year,
      unitCode: q.unitCode ?? null,
      asOf: today,
      items: page.map(({ employeeId: _id, ...item }) => item),
      nextCursor: start.length > limit && last ? Cursor.encode([last.tmt ?? '9999', last.nip]) : null,
    };
  }
}
