import { Injectable, Logger } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { DataSource } from 'typeorm';
import { UnrecoverableError } from 'bullmq';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { JobContext } from '../jobs/job-context';
import { JobHandler } from '../jobs/job-handler.decorator';
import { postToTarget, TargetRefused, targetRules } from './webhook-targets';

/**
 * Delivers one signed payload. Not run inside a transaction (no database lock held during HTTP);
 * idempotent through the delivery row's status. A non-2xx answer throws, so BullMQ retries with backoff
 * (attempts capped by the job registry); a refused target (internal address, also at connect time
 * against DNS rebinding) is not retried, and a subscription failing N times in a row is paused.
 */
@Injectable()
export class WebhookDeliveryHandler {
  private readonly logger = new Logger(WebhookDeliveryHandler.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  @JobHandler('webhooks.deliver', { transactional: false })
  async deliver(payload: Record<string, unknown>, ctx: JobContext) {
    const rows = await this.dataSource.query(
      `SELECT d.id, d.status, d.payload, s.id AS "subscriptionId", s.url, s.secret, s.paused_at AS "pausedAt" FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id
        WHERE d.id = $1 AND s.disabled_at IS NULL`,
      [payload.deliveryId],
    );
    const d = rows[0];
    if (!d || d.status !== 'PENDING') return { skipped: true };
    // A paused subscription gets no more attempts; its deliveries stay PENDING in the log.
    if (d.pausedAt) throw new UnrecoverableError(`webhook subscription ${d.subscriptionId} is paused`);
    const body = JSON.stringify(d.payload);
    const timestamp = Math.floor(this.clock.now().getTime() / 1000);
    const signature = createHmac('sha256', d.secret).update(`${timestamp}.${body}`).digest('hex');
    let status = 0;
    let error: string | null = null;
    let refused = false;
    try {
      status = await postToTarget(
        d.url,
        {
          'content-type': 'application/json',
          'x-skp-event': d.payload.type,
          'x-skp-delivery': d.id,
          'x-skp-timestamp': String(timestamp),
          'x-skp-signature': `sha256=${signature}`,
        },
        body,
        targetRules(this.config.get('NODE_ENV'), this.config.get('WEBHOOK_ALLOWED_HOSTS')),
      );
      if (status < 200 || status >= 300) error = `HTTP ${status}`;
    } catch (err) {
      refused = err instanceof TargetRefused || /resolves to a loopback/.test((err as Error).message);
      error = (err as Error).message;
    }
    await this.dataSource.query(
      `UPDATE webhook_deliveries SET attempts = attempts + 1, last_status_code = $2, last_error = $3,
              status = CASE WHEN $3::text IS NULL THEN 'DELIVERED' WHEN $4 THEN 'FAILED' ELSE 'PENDING' END,
              delivered_at = CASE WHEN $3::text IS NULL THEN now() ELSE NULL END
        WHERE id = $1`,
      [d.id, status || null, error, refused],
    );
    const max = this.config.get('WEBHOOK_MAX_CONSECUTIVE_FAILURES');
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const [[sub]] = await this.dataSource.query(
      `UPDATE webhook_subscriptions SET consecutive_failures = CASE WHEN $2 THEN 0 ELSE consecutive_failures + 1 END,
              paused_at = CASE WHEN NOT $2 AND paused_at IS NULL AND consecutive_failures + 1 >= $3 THEN now() ELSE paused_at END,
              pause_reason = CASE WHEN NOT $2 AND paused_at IS NULL AND consecutive_failures + 1 >= $3 THEN $4 ELSE pause_reason END
        WHERE id = $1 RETURNING paused_at AS "pausedAt"`,
      [
        d.subscriptionId,
        error === null,
        max,
        `${max} pengiriman gagal berturut-turut / ${max} consecutive failed deliveries; last: ${error}`,
      ],
    );
    if (error) {
      this.logger.warn({ delivery: d.id, attempt: ctx.attempt, error, refused }, 'webhook delivery failed');
      if (refused || sub?.pausedAt) throw new UnrecoverableError(`webhook delivery ${d.id} not retried: ${error}`);
      throw new Error(`webhook delivery ${d.id} failed: ${error}`);
    }
    return { delivered: d.id, status };
  }
}
