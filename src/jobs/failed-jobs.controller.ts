import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { Roles } from '../identity/auth.decorators';
import { QUEUE_NAMES } from './job-declaration';
import { QueuesService } from './queues.service';
import type { FailedJobList, FailedJobView } from './failed-jobs.views';
import { ApiResult } from '../openapi/api-result.decorator';

class FailedJobsQuery {
  @ApiPropertyOptional({ enum: QUEUE_NAMES }) @IsOptional() @IsIn(QUEUE_NAMES) queue?: (typeof QUEUE_NAMES)[number];
  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

/** Jobs that used up their attempts, for ADMIN follow-up (the queue board shows the same with retry buttons). */
@ApiTags('jobs')
@ApiBearerAuth()
@Controller('jobs')
export class FailedJobsController {
  constructor(private readonly queues: QueuesService) {}

  @Roles('ADMIN')
  @Get('failed')
  @ApiOperation({ summary: 'Failed background jobs after their last attempt' })
  @ApiResult('FailedJobList')
  async failed(@Query() q: FailedJobsQuery): Promise<FailedJobList> {
    const limit = q.limit ?? 100;
    const queues = q.queue ? [this.queues.queue(q.queue)] : this.queues.all();
    const items: FailedJobView[] = [];
    for (const queue of queues) {
      for (const job of await queue.getFailed(0, limit - 1)) {
        items.push({
          queue: queue.name,
          id: String(job.id),
          name: job.name,
          attemptsMade: job.attemptsMade,
          failedReason: job.failedReason,
          failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
          data: job.data as Record<string, unknown>,
        });
      }
    }
    items.sort((a, b) => String(b.failedAt).localeCompare(String(a.failedAt)));
    return { items: items.slice(0, limit), nextCursor: null };
  }
}
