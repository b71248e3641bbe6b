import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import type IORedis from 'ioredis';
import { NotFoundError } from '../common/domain-errors';
import { RepeatFilter } from '../common/repeat-filter';
import { AppConfig } from '../config/app-config';
import { QUEUE_NAMES, QueueName } from './job-declaration';
import { createRedis } from './redis-connection';

/** Producer-side queue handles (used by the outbox relay, the board and the failed-jobs API). */
@Injectable()
export class QueuesService implements OnApplicationShutdown {
  private readonly connection: IORedis;
  private readonly queues = new Map<QueueName, Queue>();
  private readonly logger = new Logger('Queues');
  private readonly repeats = new RepeatFilter();
  readonly prefix: string;

  constructor(config: AppConfig) {
    this.prefix = config.get('QUEUE_PREFIX');
    this.connection = createRedis(config.get('REDIS_URL'), 'producer');
    this.connection.on('error', () => undefined); // surfaced through health checks and relay errors
    for (const name of QUEUE_NAMES) {
      const queue = new Queue(name, { connection: this.connection, prefix: this.prefix });
      // Without a listener BullMQ prints each error's raw stack trace to stderr; log one JSON line instead.
      queue.on('error', (err: Error) => {
        const held = this.repeats.pass(name, err.message);
        if (held !== null) this.logger.warn({ queue: name, err: err.message, repeated: held }, 'queue error');
      });
      this.queues.set(name, queue);
    }
  }

  queue(name: QueueName): Queue {
    const queue = this.queues.get(name);
    // The constructor opens every declared queue; only a name outside QUEUE_NAMES is missing.
    if (!queue) throw new NotFoundError('Antrean');
    return queue;
  }

  all(): Queue[] {
    return [...this.queues.values()];
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled(this.all().map((q) => q.close()));
    this.connection.disconnect();
  }
}
