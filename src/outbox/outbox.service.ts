import { Injectable } from '@nestjs/common';
import { RequestContext } from '../common/request-context';
import { isDeclaredEvent } from '../jobs/job-catalogue';
import { OutboxRepository } from './outbox.repository';

export interface OutboxEvent {
  /** A declared event (`<feature>.events.ts`), e.g. `EvaluationFinalized.type`. */
  type: string;
  aggregateType: string;
  aggregateId: string;
  /** Ids only: handlers re-read state. No personal data (it ends up in Redis). */
  payload: Record<string, string | number | boolean | null>;
  /** Same key twice → the second is ignored (the fact already produced its event). */
  dedupeKey?: string;
}

/** Records facts that must trigger background work, in the caller's transaction (the one open in the context). */
@Injectable()
export class OutboxService {
  constructor(private readonly repo: OutboxRepository) {}

  async add(event: OutboxEvent): Promise<void> {
    await this.addMany([event]);
  }

  async addMany(events: OutboxEvent[]): Promise<void> {
    if (events.length === 0) return;
    if (events.some((e) => !isDeclaredEvent(e.type)))
      throw new Error(`Unknown outbox event type in ${events.map((e) => e.type).join(',')}`);
    const rows = events.map((e) => ({
      event_type: e.type,
      aggregate_type: e.aggregateType,
      aggregate_id: e.aggregateId,
      payload: e.payload,
      dedupe_key: e.dedupeKey ?? null,
    }));
    await this.repo.insertMany(rows, RequestContext.correlationId());
  }
}
