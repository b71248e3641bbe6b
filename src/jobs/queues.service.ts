import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import type IORedis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { QUEUE_NAMES, QueueName } from './job-registry';
import { createRedis } from './redis-connection';

/** Producer-side queue handles (used by the outbox relay, the board and the failed-jobs API). */
@Injectable()
export class QueuesService implements OnApplicationShutdown {
  private readonly connection: IORedis;
  private readonly queues = new Map<QueueName, Queue>();
  readonly prefix: string;

  constructor(config: AppConfig) {
    this.prefix = config.get('QUEUE_PREFIX');
    this.connection = createRedis(config.get('REDIS_URL'), 'producer');
    this.connection.on('error', () => undefined); // surfaced through health checks and relay errors
    for (const name of QUEUE_NAMES) {
      this.queues.set(name, new Queue(name, { connection: this.connection, prefix: this.prefix }));
    }
  }

  queue(name: QueueName): Queue {
    return this.queues.get(name)!;
  }

  all(): Queue[] {
    return [...this.queues.values()];
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled(this.all().map((q) => q.close()));
    this.connection.disconnect();
  }
}
