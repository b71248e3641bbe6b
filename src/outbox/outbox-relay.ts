import { Inject, Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { RepeatFilter } from '../common/repeat-filter';
import { TransactionHost, type TxHost } from '../database/transaction';
import { AppConfig } from '../config/app-config';
import { jobsFor } from '../jobs/job-catalogue';
import { jobOptions, type JobDeclaration, type QueueName } from '../jobs/job-declaration';
import { QueuesService } from '../jobs/queues.service';
import { OutboxRepository, type PendingOutboxRow } from './outbox.repository';

type PendingRow = PendingOutboxRow;

/**
 * Moves outbox rows to BullMQ. Rows are locked (SKIP LOCKED, so several relays can run), enqueued
 * with a deterministic job id (a re-send after a crash is deduplicated by BullMQ, and handlers are
 * idempotent anyway), then marked dispatched in the same transaction. When Redis is down the
 * enqueue fails, the transaction rolls back and the rows wait for the next tick.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private stopped = false;
  private readonly batchSize = 1000;
  private readonly repeats = new RepeatFilter();

  constructor(
    @Inject(TransactionHost) private readonly txHost: TxHost,
    private readonly outbox: OutboxRepository,
    private readonly queues: QueuesService,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async beforeApplicationShutdown(): Promise<void> {
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
      this.repeats.reset('relay');
    } catch (err) {
      const held = this.repeats.pass('relay', (err as Error).message);
      if (held !== null)
        this.logger.warn(
          { err: (err as Error).message, repeated: held },
          'outbox relay: enqueue failed, rows stay pending',
        );
    } finally {
      this.running = false;
    }
    this.schedule(moved >= this.batchSize ? 0 : this.config.get('OUTBOX_POLL_MS'));
  }

  /** One batch; returns how many rows were dispatched. Public for tests and benchmarks. */
  async relayOnce(): Promise<number> {
    return this.txHost.withTransaction(async () => {
      const rows = await this.outbox.lockPending(this.batchSize);
      if (rows.length === 0) return 0;
      const byQueue = new Map<
        QueueName,
        { name: string; data: Record<string, unknown>; opts: Record<string, unknown> }[]
      >();
      const push = (
        declared: JobDeclaration,
        job: { name: string; data: Record<string, unknown>; opts: Record<string, unknown> },
      ) => {
        const queue = declared.queue;
        const list = byQueue.get(queue) ?? [];
        list.push(job);
        byQueue.set(queue, list);
      };
      // Jobs whose handlers accept a batch of events (`payload.batch`, each item the event's payload with its
      // `_outboxId`, declared with `batch`): up to that many events of one tick go into one job.
      const batched = new Map<JobDeclaration, { size: number; list: PendingRow[] }>();
      for (const row of rows) {
        for (const declared of jobsFor(row.event_type)) {
          if (declared.batch) {
            const entry = batched.get(declared) ?? { size: declared.batch, list: [] };
            entry.list.push(row);
            batched.set(declared, entry);
            continue;
          }
          const jobName = declared.name;
          push(declared, {
            name: jobName,
            data: { ...row.payload, _outboxId: row.id, _cid: row.correlation_id },
            opts: { ...jobOptions(declared), jobId: `o${row.id}-${jobName.replace(/\./g, '_')}` },
          });
        }
      }
      // Deterministic ids (first and last outbox id of the batch): a re-send of the same rows is deduplicated.
      for (const [declared, { size, list }] of batched) {
        const jobName = declared.name;
        for (let i = 0; i < list.length; i += size) {
          const part = list.slice(i, i + size);
          if (part.length === 1) {
            // A lone event travels as it always did (same job id and data as an unbatched job).
            const r = part[0];
            push(declared, {
              name: jobName,
              data: { ...r.payload, _outboxId: r.id, _cid: r.correlation_id },
              opts: { ...jobOptions(declared), jobId: `o${r.id}-${jobName.replace(/\./g, '_')}` },
            });
            continue;
          }
          push(declared, {
            name: jobName,
            data: { batch: part.map((r) => ({ ...r.payload, _outboxId: r.id })), _cid: part[0].correlation_id },
            opts: {
              ...jobOptions(declared),
              jobId: `o${part[0].id}-${part[part.length - 1].id}-${jobName.replace(/\./g, '_')}`,
            },
          });
        }
      }
      for (const [queue, jobs] of byQueue) {
        await this.queues.queue(queue).addBulk(jobs);
      }
      await this.outbox.markDispatched(rows.map((r) => r.id));
      return rows.length;
    });
  }
}
