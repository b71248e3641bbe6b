import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RequestContext } from '../common/request-context';
import { EVENT_ROUTES } from '../jobs/job-registry';

export interface OutboxEvent {
  type: keyof typeof EVENT_ROUTES;
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
    if (events.some((e) => !(e.type in EVENT_ROUTES)))
      throw new Error(`Unknown outbox event type in ${events.map((e) => e.type).join(',')}`);
    const correlationId = RequestContext.correlationId();
    const rows = events.map((e) => ({
      event_type: e.type,
      aggregate_type: e.aggregateType,
      aggregate_id: e.aggregateId,
      payload: e.payload,
      dedupe_key: e.dedupeKey ?? null,
    }));
    await manager.query(
      `INSERT INTO outbox (event_type, aggregate_type, aggregate_id, payload, dedupe_key, correlation_id)
       SELECT r.event_type, r.aggregate_type, r.aggregate_id, r.payload, r.dedupe_key, $1
         FROM jsonb_to_recordset($2::jsonb) AS r(event_type text, aggregate_type text, aggregate_id text, payload jsonb, dedupe_key text)
       ON CONFLICT (dedupe_key) DO NOTHING`,
      [correlationId, JSON.stringify(rows)],
    );
  }
}
