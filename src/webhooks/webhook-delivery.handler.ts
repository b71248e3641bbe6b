import { Injectable, Logger } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { JobContext } from '../jobs/job-context';
import { JobHandler } from '../jobs/job-handler.decorator';

/**
 * Delivers one signed payload. Not run inside a transaction (no database lock held during HTTP);
 * idempotent through the delivery row's status. A non-2xx answer throws, so BullMQ retries with backoff.
 */
@Injectable()
export class WebhookDeliveryHandler {
  private readonly logger = new Logger(WebhookDeliveryHandler.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  @JobHandler('webhooks.deliver', { transactional: false })
  async deliver(payload: Record<string, unknown>, ctx: JobContext) {
    const rows = await this.dataSource.query(
      `SELECT d.id, d.status, d.payload, s.url, s.secret FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id
        WHERE d.id = $1 AND s.disabled_at IS NULL`,
      [payload.deliveryId],
    );
    const d = rows[0];
    if (!d || d.status === 'DELIVERED') return { skipped: true };
    const body = JSON.stringify(d.payload);
    const timestamp = Math.floor(this.clock.now().getTime() / 1000);
    const signature = createHmac('sha256', d.secret).update(`${timestamp}.${body}`).digest('hex');
    let status = 0;
    let error: string | null = null;
    try {
      const res = await fetch(d.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-skp-event': d.payload.type,
          'x-skp-delivery': d.id,
          'x-skp-timestamp': String(timestamp),
          'x-skp-signature': `sha256=${signature}`,
        },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      status = res.status;
      if (!res.ok) error = `HTTP ${res.status}`;
    } catch (err) {
      error = (err as Error).message;
    }
    await this.dataSource.query(
      `UPDATE webhook_deliveries SET attempts = attempts + 1, last_status_code = $2, last_error = $3,
              status = CASE WHEN $3::text IS NULL THEN 'DELIVERED' ELSE 'PENDING' END,
              delivered_at = CASE WHEN $3::text IS NULL THEN now() ELSE NULL END
        WHERE id = $1`,
      [d.id, status || null, error],
    );
    if (error) {
      this.logger.warn({ delivery: d.id, attempt: ctx.attempt, error }, 'webhook delivery failed');
      throw new Error(`webhook delivery ${d.id} failed: ${error}`);
    }
    return { delivered: d.id, status };
  }
}
