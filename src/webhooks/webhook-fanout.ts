import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OutboxService } from '../outbox/outbox.service';
import { WebhookEvent } from './webhook-events';

/**
 * Turns domain events into delivery rows for every matching subscription, in the caller's
 * transaction, and queues one delivery job per row through the outbox.
 */
@Injectable()
export class WebhookFanout {
  constructor(private readonly outbox: OutboxService) {}

  async publish(manager: EntityManager, events: WebhookEvent[]): Promise<number> {
    if (events.length === 0) return 0;
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO webhook_deliveries (subscription_id, event_type, event_key, payload)
       SELECT s.id, e.type, e.key, jsonb_build_object('type', e.type, 'key', e.key, 'data', e.data)
         FROM jsonb_to_recordset($1::jsonb) AS e(type text, key text, data jsonb)
         JOIN webhook_subscriptions s ON s.disabled_at IS NULL AND e.type = ANY(s.event_types)
       ON CONFLICT (subscription_id, event_key) DO NOTHING RETURNING id`,
      [JSON.stringify(events)],
    );
    await this.outbox.addMany(
      manager,
      rows.map((r) => ({
        type: 'WebhookQueued',
        aggregateType: 'WebhookDelivery',
        aggregateId: r.id,
        payload: { deliveryId: r.id },
        dedupeKey: `webhook:${r.id}`,
      })),
    );
    return rows.length;
  }
}
