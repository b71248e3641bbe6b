import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../database/transaction';

export interface OutboxInsertRow {
  event_type: string;
  aggregate_type: string;
  aggregate_id: string;
  payload: Record<string, unknown>;
  dedupe_key: string | null;
}

export interface PendingOutboxRow {
  id: string;
  event_type: string;
  payload: Record<string, unknown>;
  correlation_id: string;
}

/** The `outbox` table. Writes join the caller's transaction, so a fact and its event commit together. */
@Injectable()
export class OutboxRepository extends BaseRepository {
  async insertMany(rows: OutboxInsertRow[], correlationId: string): Promise<void> {
    await this.db().query(
      `INSERT INTO outbox (event_type, aggregate_type, aggregate_id, payload, dedupe_key, correlation_id)
       SELECT r.event_type, r.aggregate_type, r.aggregate_id, r.payload, r.dedupe_key, $1
         FROM jsonb_to_recordset($2::jsonb) AS r(event_type text, aggregate_type text, aggregate_id text, payload jsonb, dedupe_key text)
       ON CONFLICT (dedupe_key) DO NOTHING`,
      [correlationId, JSON.stringify(rows)],
    );
  }

  /** Locks the oldest pending rows (SKIP LOCKED: several relays can run); call inside a transaction. */
  lockPending(limit: number): Promise<PendingOutboxRow[]> {
    return this.db().query(
      `SELECT id, event_type, payload, correlation_id FROM outbox WHERE dispatched_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
  }

  async markDispatched(ids: string[]): Promise<void> {
    await this.db().query(
      `UPDATE outbox SET dispatched_at = now(), attempts = attempts + 1 WHERE id = ANY($1::bigint[])`,
      [ids],
    );
  }
}
