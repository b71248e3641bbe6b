import { Injectable, Logger } from '@nestjs/common';
import { JobHandler } from '../jobs/job-handler.decorator';
import { jobOptions } from '../jobs/job-declaration';
import { QueuesService } from '../jobs/queues.service';
import { SendOutcome, SiasnSender } from './siasn-sender.service';
import { SiasnPushRepository } from './siasn-push.repository';
import { SiasnSettings } from './siasn-settings';
import { SiasnPushRowJob, SiasnSweepJob } from './siasn.job';

/** Minutes before retry `n` (1-based): the configured list, its last value repeating. */
export function backoffMs(minutes: number[], attempt: number): number {
  return Math.round(minutes[Math.min(attempt, minutes.length) - 1] * 60_000);
}

/**
 * Sends outbox rows (no database transaction held during HTTP). The job carries the row id only; the
 * handler re-reads the row, skips it unless it waits (PENDING, or SENDING left by a worker that died),
 * claims it (one attempt at a time per natural key), and settles it: SENT, FAILED (a person acts),
 * PENDING again with the next time of the `SIASN_RETRY_BACKOFF_MINUTES` schedule, or DEAD after
 * `SIASN_RETRY_MAX_ATTEMPTS`. Nothing is sent while `SIASN_ENABLED` is not `true`.
 */
@Injectable()
export class SiasnPushHandler {
  private readonly logger = new Logger(SiasnPushHandler.name);

  constructor(
    private readonly repo: SiasnPushRepository,
    private readonly sender: SiasnSender,
    private readonly settings: SiasnSettings,
    private readonly queues: QueuesService,
  ) {}

  @JobHandler(SiasnPushRowJob, { transactional: false })
  async pushRow(payload: Record<string, unknown>) {
    if (!this.settings.enabled) return { skipped: 'SIASN_ENABLED is not true' };
    const id = String(payload.outboxId);
    const row = await this.repo.byId(id);
    if (!row) return { skipped: 'no such row' };
    if (row.state !== 'PENDING' && row.state !== 'SENDING') return { skipped: row.state };
    const attempt = await this.repo.claim(id, row.attempts);
    if (attempt === null) {
      const due = !row.nextAttemptAt || new Date(row.nextAttemptAt).getTime() <= Date.now() + 1000;
      // Not due: its delayed job comes. Due but another row of the key is in flight: look again shortly.
      if (due) await this.enqueue(id, `a${row.attempts}-w${Math.floor(Date.now() / 5000)}`, 5000);
      return { skipped: due ? 'another row of this key is being sent' : 'not due' };
    }
    let outcome: SendOutcome;
    try {
      outcome = await this.sender.attempt(row, attempt);
    } catch (err) {
      outcome = { state: 'RETRY', error: (err as Error).message };
    }
    return this.settle(id, attempt, outcome);
  }

  /** Rows that are due but have no job: SIASN enabled after rows waited, a lost retry, a worker that died. */
  @JobHandler(SiasnSweepJob, { transactional: false })
  async sweep() {
    if (!this.settings.enabled) return { skipped: 'SIASN_ENABLED is not true' };
    const staleMs = Math.max(10 * 60_000, 6 * this.settings.transport.timeoutMs);
    const rows = await this.repo.due(staleMs, 1000);
    for (const r of rows) await this.enqueue(r.id, `a${r.attempts}`, 0);
    return { queued: rows.length };
  }

  private async settle(id: string, attempt: number, o: SendOutcome) {
    if (o.state === 'SENT') {
      await this.repo.settle(id, { state: 'SENT', siasnId: o.siasnId, lastError: null });
      return { sent: id, siasnId: o.siasnId, note: o.note };
    }
    if (o.state === 'FAILED') {
      await this.repo.settle(id, { state: 'FAILED', lastError: o.error });
      this.logger.warn({ outboxId: id, attempt, error: o.error }, 'SIASN row FAILED: needs a person');
      return { failed: id, error: o.error };
    }
    const { backoffMinutes, maxAttempts } = this.settings.rules.retry;
    if (attempt >= maxAttempts) {
      await this.repo.settle(id, { state: 'DEAD', lastError: `${o.error} (after ${attempt} attempts)` });
      this.logger.warn({ outboxId: id, attempt, error: o.error }, 'SIASN row DEAD after the last attempt');
      return { dead: id, error: o.error };
    }
    const delay = backoffMs(backoffMinutes, attempt);
    await this.repo.settle(id, { state: 'PENDING', lastError: o.error, retryInMs: delay });
    await this.enqueue(id, `a${attempt}`, delay);
    return { retry: id, attempt, inMs: delay, error: o.error };
  }

  /** Deterministic job id per (row, attempt): a second enqueue of the same attempt is a no-op. */
  private async enqueue(id: string, suffix: string, delay: number): Promise<void> {
    try {
      await this.queues
        .queue('siasn')
        .add(
          SiasnPushRowJob.name,
          { outboxId: id },
          { ...jobOptions(SiasnPushRowJob), jobId: `siasn-row-${id}-${suffix}`, delay },
        );
    } catch (err) {
      // Redis unreachable: the row stays PENDING with its time; the sweep queues it later.
      this.logger.warn({ outboxId: id, err: (err as Error).message }, 'SIASN retry not queued; the sweep will');
    }
  }
}
