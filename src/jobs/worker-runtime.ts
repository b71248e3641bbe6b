import { Inject, Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { Job, Worker } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { InvalidInputError } from '../common/domain-errors';
import { RepeatFilter } from '../common/repeat-filter';
import { RequestContext } from '../common/request-context';
import { TransactionHost, type TxHost } from '../database/transaction';
import { DiscoveredHandler, JobHandlerDiscovery } from './job-handler-discovery';
import { jobCatalogue } from './job-catalogue';
import { jobOptions, QUEUE_NAMES } from './job-declaration';
import { asJobFailure } from './job-failure';
import { JobReceiptsRepository } from './job-receipts.repository';
import { QueuesService } from './queues.service';
import { createRedis } from './redis-connection';

/**
 * Runs BullMQ workers in the worker process; each job runs in a transaction with its receipt.
 * Workers stop in beforeApplicationShutdown, i.e. before the database pool and queue handles close.
 */
@Injectable()
export class WorkerRuntime implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Worker');
  private readonly workers: Worker[] = [];
  private readonly repeats = new RepeatFilter();
  private handlers = new Map<string, DiscoveredHandler>();

  constructor(
    private readonly discovery: JobHandlerDiscovery,
    @Inject(TransactionHost) private readonly txHost: TxHost,
    private readonly receipts: JobReceiptsRepository,
    private readonly config: AppConfig,
    private readonly queues: QueuesService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.handlers = this.discovery.discover();
    const concurrency = this.config.get('WORKER_CONCURRENCY');
    for (const queue of QUEUE_NAMES) {
      const connection = createRedis(this.config.get('REDIS_URL'), 'worker');
      const worker = new Worker(queue, (job) => this.process(job), {
        connection,
        prefix: this.queues.prefix,
        concurrency,
        autorun: true,
      });
      worker.on('failed', (job, err) => {
        this.logger.warn({ job: job?.id, name: job?.name, attempt: job?.attemptsMade, err: err.message }, 'job failed');
      });
      worker.on('error', (err) => {
        const held = this.repeats.pass(queue, err.message);
        if (held !== null) this.logger.warn({ queue, err: err.message, repeated: held }, 'worker connection error');
      });
      this.workers.push(worker);
    }
    await this.scheduleRepeatables();
    this.logger.log({ queues: QUEUE_NAMES, concurrency, jobs: [...this.handlers.keys()] }, 'worker started');
  }

  async beforeApplicationShutdown(): Promise<void> {
    // close() waits for active jobs to finish, then releases the connections.
    await Promise.allSettled(this.workers.map((w) => w.close()));
  }

  private async scheduleRepeatables(): Promise<void> {
    for (const s of jobCatalogue().repeatables) {
      await this.queues
        .queue(s.job.queue)
        .upsertJobScheduler(s.id, 'pattern' in s ? { pattern: s.pattern, tz: s.tz } : { every: s.everyMs }, {
          name: s.job.name,
          data: {},
          opts: jobOptions(s.job),
        });
    }
  }

  private async process(job: Job<unknown>): Promise<unknown> {
    try {
      return await this.run(job);
    } catch (err) {
      throw asJobFailure(err);
    }
  }

  private async run(job: Job<unknown>): Promise<unknown> {
    const handler = this.handlers.get(job.name);
    if (!handler) throw new Error(`No handler for job ${job.name}`);
    const data = payloadOf(job);
    const correlationId = typeof data._cid === 'string' ? data._cid : `job-${String(job.id)}`;
    return RequestContext.run({ correlationId }, async () => {
      if (!handler.transactional) {
        return handler.fn(data, {
          jobId: String(job.id),
          jobName: job.name,
          attempt: job.attemptsMade + 1,
          updateProgress: (p) => job.updateProgress(p),
        });
      }
      // The receipt, the handler's writes and its outbox rows share one transaction (the context's).
      return this.txHost.withTransaction(async () => {
        const first = await this.receipts.claim(job.queueName, String(job.id), job.name);
        if (!first) return { skipped: 'already processed' };
        return handler.fn(data, {
          jobId: String(job.id),
          jobName: job.name,
          attempt: job.attemptsMade + 1,
          updateProgress: (p) => job.updateProgress(p),
        });
      });
    });
  }
}

/** A job's data as read back from Redis: an object (events' payloads, `{}` for schedules), checked, not assumed. */
function payloadOf(job: Job<unknown>): Record<string, unknown> {
  const data = job.data;
  if (!isObject(data)) throw new InvalidInputError(`Data job ${job.name} bukan objek / job data is not an object`);
  return data;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
