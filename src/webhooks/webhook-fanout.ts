import { Injectable } from '@nestjs/common';
import { OutboxService } from '../outbox/outbox.service';
import { WebhookEvent, type WebhookEventType } from './webhook-events';
import { WebhooksRepository } from './webhooks.repository';

/**
 * Turns domain events into delivery rows for every matching subscription, in the caller's
 * transaction, and queues one delivery job per row through the outbox.
 */
@Injectable()
export class WebhookFanout {
  constructor(
    private readonly outbox: OutboxService,
    private readonly webhooks: WebhooksRepository,
  ) {}

  /**
   * Whether any enabled subscription takes this event type: without one, callers skip building the
   * payloads (and the reads behind them). A year-end batch's outcome payloads were the third largest
   * statement parameter of the worker, sent to match no subscription.
   */
  listening(type: WebhookEventType): Promise<boolean> {
    return this.webhooks.anySubscribed(type);
  }

  async publish(events: WebhookEvent[]): Promise<number> {
    if (events.length === 0) return 0;
    const ids = await this.webhooks.fanOut(events);
    const queued = ids.map((id) => ({
      type: 'WebhookQueued' as const,
      aggregateType: 'WebhookDelivery',
      aggregateId: id,
      payload: { deliveryId: id },
      dedupeKey: `webhook:${id}`,
    }));
    await this.outbox.addMany(queued);
    return ids.length;
  }
}
