import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { EVENT_ROUTES, JOBS, jobOptions } from '../jobs/job-registry';
import { QueuesService } from '../jobs/queues.service';

interface PendingRow {
  id: string;
  event_type: string;
  payload: Record<string, unknown>;
  correlation_id: string;
}

/**
 * Moves outbox rows to BullMQ. Rows are locked (SKIP LOCKED, so several relays can run), enqueued
 * with a deterministic job id (a re-send after a crash is deduplicated by BullMQ, and handlers are
 * idempotent anyway), then marked dispatched in the same transaction. When Redis is down the
 * enqueue fails, the transaction rolls back and the rows wait for the next tick.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private stopped = false;
  private readonly batchSize = 1000;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: QueuesService,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    while (this.running) await new Promise((r) => setTimeout(r, 20));
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.tick(), ms);
  }

  private async tick(): Promise<void> {
    this.running = true;
    let moved = 0;
    try {
      moved = await this.relayOnce();
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'outbox relay: enqueue failed, rows stay pending');
    } finally {
      this.running = false;
    }
    this.schedule(moved >= this.batchSize ? 0 : this.config.get('OUTBOX_POLL_MS'));
  }

  /** One batch; returns how many rows were dispatched. Public for tests and benchmarks. */
  async relayOnce(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: PendingRow[] = await manager.query(
        `SELECT id, event_type, payload, correlation_id FROM outbox WHERE dispatched_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.batchSize],
      );
      if (rows.length === 0) return 0;
      const byQueue = new Map<string, { name: string; data: Record<string, unknown>; opts: Record<string, unknown> }[]>();
      for (const row of rows) {
        for (const jobName of EVENT_ROUTES[row.event_type] ?? []) {
          const queue = JOBS[jobName].queue;
          const list = byQueue.get(queue) ?? [];
          list.push({
            name: jobName,
            data: { ...row.payload, _outboxId: row.id, _cid: row.correlation_id },
            opts: { ...jobOptions(jobName), jobId: `o${row.id}-${jobName.replace(/\./g, '_')}` },
          });
          byQueue.set(queue, list);
        }
      }
      for (const [queue, jobs] of byQueue) {
        await this.queues.queue(queue as never).addBulk(jobs);
      }
      await manager.query(`UPDATE outbox SET dispatched_at = now(), attempts = attempts + 1 WHERE id = ANY($1::bigint[])`, [rows.map((r) => r.id)]);
      return rows.length;
    });
  }
}
