import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminOnly } from '../identity/auth.decorators';
import { CurrentPrincipal } from '../identity/current-principal.decorator';
import type { Principal } from '../identity/principal';
import { ApiResult } from '../openapi/api-result.decorator';
import { SiasnOutboxQuery, SiasnPushDto } from './dto/siasn-push.dto';
import { SiasnPushBatchService } from './siasn-push-batch.service';
import { SiasnStatusService } from './siasn-status.service';

const STATES =
  'States: PENDING (waiting; nextAttemptAt after a failed try), SENDING (in flight), SENT (SIASN holds it: siasnId), ' +
  'FAILED (SIASN refused it, e.g. success:false — a person fixes the data, then retries), DEAD (no answer after ' +
  'SIASN_RETRY_MAX_ATTEMPTS tries), SUPERSEDED (a newer payload of the same natural key replaced it before it was sent).';

@ApiTags('siasn')
@ApiBearerAuth()
@AdminOnly()
@Controller('siasn')
export class SiasnPushController {
  constructor(
    private readonly batches: SiasnPushBatchService,
    private readonly statusService: SiasnStatusService,
  ) {}

  @Get('status')
  @ApiOperation({
    summary: 'State of the SIASN exchange (ADMIN): enabled or why not, update mode, outbox counts, last call',
    description:
      'enabled (SIASN_ENABLED); reason (Bahasa Indonesia, null while enabled); updateMode (SIASN_UPDATE_MODE: ' +
      'SAVE_WITH_ID, DELETE_THEN_SAVE, MANUAL); baseUrlHost (host of SIASN_BASE_URL only, never credentials); ' +
      'counts of outbox rows by state (every state, 0 when none); lastAttemptAt (latest call to SIASN, null before the ' +
      'first). Lets the console disable the push before a click instead of learning it from a 409.',
  })
  @ApiResult('SiasnStatusView')
  status() {
    return this.statusService.status();
  }

  @Post('push')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Push the ready rows of a scope to SIASN (ADMIN): 202 with the batch id',
    description:
      '{ kind: SKP22 | KINERJA_PERIODIK | ANGKA_KREDIT, year (SKP22, ANGKA_KREDIT) | period (KINERJA_PERIODIK), unitCode?, nips? }. ' +
      'Queues the new or changed payloads (an unchanged one is not queued twice; a changed one supersedes an unsent row); rows ' +
      'that cannot be built are listed as problems. 409 while SIASN_ENABLED is not true.',
  })
  @ApiResult('SiasnPushAccepted', 202, 'Accepted')
  push(@CurrentPrincipal() p: Principal, @Body() dto: SiasnPushDto) {
    return this.batches.request(p, dto);
  }

  @Get('push/:id')
  @ApiOperation({
    summary: 'Progress of a push batch: row counts by state, rows with their last attempt',
    description: STATES,
  })
  @ApiResult('SiasnPushProgress')
  progress(@Param('id') id: string) {
    return this.batches.progress(id);
  }

  @Get('outbox')
  @ApiOperation({ summary: 'SIASN outbox rows, newest first (ADMIN console)', description: STATES })
  @ApiResult('SiasnOutboxPage')
  outbox(@Query() q: SiasnOutboxQuery) {
    return this.batches.list(q);
  }

  @Post('outbox/:id/retry')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Send a FAILED or DEAD row again after its cause was fixed (attempts start over); 409 for other states',
  })
  @ApiResult('SiasnOutboxRowView')
  retry(@Param('id') id: string) {
    return this.batches.retry(id);
  }
}
