import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RequestContext } from '../common/request-context';
import { EVENT_ROUTES } from '../jobs/job-registry';
import { OutboxMessageEntity } from './outbox-message.entity';

export interface OutboxEvent {
  type: keyof typeof EVENT_ROUTES | string;
  aggregateType: string;
  aggregateId: string;
  /** Ids only: handlers re-read state. No personal data (it ends up in Redis). */
  payload: Record<string, string | number | boolean | null>;
  /** Same key twice → the second is ignored (the fact already produced its event). */
  dedupeKey?: string;
}

/** Records facts that must trigger background work, in the caller's transaction. */
@Injectable()
export class OutboxService {
  async add(manager: EntityManager, event: OutboxEvent): Promise<void> {
    await this.addMany(manager, [event]);
  }

  async addMany(manager: EntityManager, events: OutboxEvent[]): Promise<void> {
    if (events.length === 0) return;
    if (events.some((e) => !(e.type in EVENT_ROUTES))) throw new Error(`Unknown outbox event type in ${events.map((e) => e.type).join(',')}`);
    const correlationId = RequestContext.correlationId();
    for (let i = 0; i < events.length; i += 1000) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(OutboxMessageEntity)
        .values(
          events.slice(i, i + 1000).map((e) => ({
            eventType: e.type,
            aggregateType: e.aggregateType,
            aggregateId: e.aggregateId,
            payload: e.payload,
            dedupeKey: e.dedupeKey ?? null,
            correlationId,
          })) as never,
        )
        .orIgnore()
        .updateEntity(false)
        .execute();
    }
  }
}
