import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { AuditService } from '../audit/audit.service';
import { ConflictError, NotFoundError } from '../common/domain-errors';
import { AdminOnly } from '../identity/auth.decorators';
import { QUEUE_NAMES, QueueName } from './job-declaration';
import { QueuesService } from './queues.service';

export class RetriedJobDto {
  @ApiProperty({ enum: QUEUE_NAMES }) queue: string;
  @ApiProperty({ example: 'o1042-evaluation.derive-outcomes' }) id: string;
  @ApiProperty({ example: 'evaluation.derive-outcomes' }) name: string;
  @ApiProperty({
    example: 'waiting',
    description: 'State after the retry (the worker picks it up; handlers are idempotent)',
  })
  state: string;
}

/** Retry of a job that used up its attempts (the same as the queue board's retry button, audited). */
@ApiTags('jobs')
@ApiBearerAuth()
@Controller('jobs')
export class FailedJobRetryController {
  constructor(
    private readonly queues: QueuesService,
    private readonly audit: AuditService,
  ) {}

  @AdminOnly()
  @Post('failed/:queue/:id/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Retry a failed background job: it goes back to the queue with fresh attempts' })
  @ApiParam({ name: 'queue', enum: QUEUE_NAMES })
  @ApiOkResponse({ type: RetriedJobDto })
  @ApiNotFoundResponse({ description: 'Not an ADMIN, unknown queue or job' })
  @ApiConflictResponse({ description: 'The job is not in the failed state' })
  async retry(@Param('queue') queueName: string, @Param('id') id: string): Promise<RetriedJobDto> {
    if (!(QUEUE_NAMES as readonly string[]).includes(queueName)) throw new NotFoundError('Antrean');
    const queue = this.queues.queue(queueName as QueueName);
    const job = await queue.getJob(id);
    if (!job) throw new NotFoundError('Job');
    const state = await job.getState();
    if (state !== 'failed')
      throw new ConflictError(`Job tidak dalam status gagal (status: ${state}) / job is not failed`);
    // retry() resets the job object's attempts and reason: keep what failed for the audit row first.
    const before = { state, attemptsMade: job.attemptsMade, failedReason: job.failedReason };
    await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
    const after = await job.getState();
    await this.audit.record({
      action: 'job.retry',
      entityType: 'Job',
      entityId: `${queueName}:${id}`,
      before,
      after: { state: after },
    });
    return { queue: queueName, id, name: job.name, state: after };
  }
}
