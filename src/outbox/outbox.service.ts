import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { isEntityManager } from '../database/transaction';
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

/**
 * Records facts that must trigger background work, in the caller's transaction: the one open in the
 * context, or (older call sites) the EntityManager passed first.
 */
@Injectable()
export class OutboxService {
  constructor(private readonly repo: OutboxRepository) {}

  async add(event: OutboxEvent): Promise<void>;
  async add(manager: EntityManager, event: OutboxEvent): Promise<void>;
  async add(a: EntityManager | OutboxEvent, b?: OutboxEvent): Promise<void> {
    if (isEntityManager(a)) await this.addMany(a, [b!]);
    else await this.addMany([a]);
  }

  async addMany(events: OutboxEvent[]): Promise<void>;
  async addMany(manager: EntityManager, events: OutboxEvent[]): Promise<void>;
  async addMany(a: EntityManager | OutboxEvent[], b?: OutboxEvent[]): Promise<void> {
    const manager = isEntityManager(a) ? a : undefined;
    const events = isEntityManager(a) ? b! : a;
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
    await this.repo.insertMany(rows, RequestContext.correlationId(), manager);
  }
}
