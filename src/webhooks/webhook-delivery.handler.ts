import { Injectable, Logger } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { UnrecoverableError } from 'bullmq';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { JobContext } from '../jobs/job-context';
import { JobHandler } from '../jobs/job-handler.decorator';
import { DeliverWebhookJob } from './webhooks.job';
import { postToTarget, TargetRefused, targetRules } from './webhook-targets';
import { WebhooksRepository } from './webhooks.repository';

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
    private readonly webhooks: WebhooksRepository,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  @JobHandler(DeliverWebhookJob, { transactional: false })
  async deliver(payload: Record<string, unknown>, ctx: JobContext) {
    const d = await this.webhooks.pendingDelivery(String(payload.deliveryId));
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
    await this.webhooks.recordAttempt(d.id, status || null, error, refused);
    const max = this.config.get('WEBHOOK_MAX_CONSECUTIVE_FAILURES');
    const sub = await this.webhooks.recordOutcome(
      d.subscriptionId,
      error === null,
      max,
      `${max} pengiriman gagal berturut-turut / ${max} consecutive failed deliveries; last: ${error}`,
    );
    if (error) {
      this.logger.warn({ delivery: d.id, attempt: ctx.attempt, error, refused }, 'webhook delivery failed');
      if (refused || sub?.pausedAt) throw new UnrecoverableError(`webhook delivery ${d.id} not retried: ${error}`);
      throw new Error(`webhook delivery ${d.id} failed: ${error}`);
    }
    return { delivered: d.id, status };
  }
}
