import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../database/transaction';
import type { WebhookEvent } from './webhook-events';
import type { WebhookDeliveryList, WebhookView } from './webhooks.views';

const VIEW = `id, url, event_types AS "eventTypes", created_by AS "createdBy", created_at AS "createdAt", disabled_at AS "disabledAt",
  CASE WHEN disabled_at IS NOT NULL THEN 'DISABLED' WHEN paused_at IS NOT NULL THEN 'PAUSED' ELSE 'ACTIVE' END AS status,
  consecutive_failures AS "consecutiveFailures", paused_at AS "pausedAt", pause_reason AS "pauseReason"`;

export interface PendingDelivery {
  id: string;
  status: string;
  payload: { type: string } & Record<string, unknown>;
  subscriptionId: string;
  url: string;
  secret: string;
  pausedAt: Date | null;
}

/** `webhook_subscriptions` and `webhook_deliveries`. */
@Injectable()
export class WebhooksRepository extends BaseRepository {
  async create(row: { url: string; eventTypes: string[]; secret: string; createdBy: string }): Promise<WebhookView> {
    const [view] = await this.db().query<WebhookView[]>(
      `INSERT INTO webhook_subscriptions (url, event_types, secret, created_by) VALUES ($1, $2, $3, $4) RETURNING ${VIEW}`,
      [row.url, row.eventTypes, row.secret, row.createdBy],
    );
    return view;
  }

  list(): Promise<WebhookView[]> {
    return this.db().query(`SELECT ${VIEW} FROM webhook_subscriptions ORDER BY created_at`);
  }

  deliveries(subscriptionId: string): Promise<WebhookDeliveryList['items']> {
    return this.db().query(
      `SELECT id, event_type AS "eventType", event_key AS "eventKey", status, attempts, last_status_code AS "lastStatusCode", last_error AS "lastError",
              created_at AS "createdAt", delivered_at AS "deliveredAt"
         FROM webhook_deliveries WHERE subscription_id = $1 ORDER BY created_at DESC LIMIT 1000`,
      [subscriptionId],
    );
  }

  /** Pauses by hand (an earlier pause keeps its time and reason); null when there is no such enabled subscription. */
  async pause(id: string, reason: string): Promise<WebhookView | null> {
    const [rows] = await this.db().query<[WebhookView[], number]>(
      `UPDATE webhook_subscriptions SET paused_at = COALESCE(paused_at, now()), pause_reason = COALESCE(pause_reason, $2)
        WHERE id = $1 AND disabled_at IS NULL RETURNING ${VIEW}`,
      [id, reason],
    );
    return rows.at(0) ?? null;
  }

  /** Null when there is no such enabled subscription. */
  async resume(id: string): Promise<WebhookView | null> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const [rows] = await this.db().query<[WebhookView[], number]>(
      `UPDATE webhook_subscriptions SET paused_at = NULL, pause_reason = NULL, consecutive_failures = 0 WHERE id = $1 AND disabled_at IS NULL RETURNING ${VIEW}`,
      [id],
    );
    return rows.at(0) ?? null;
  }

  /** False when there is no such enabled subscription. */
  async disable(id: string): Promise<boolean> {
    const rows = await this.db().query<{ id: string }[]>(
      `UPDATE webhook_subscriptions SET disabled_at = now() WHERE id = $1 AND disabled_at IS NULL RETURNING id`,
      [id],
    );
    return rows.length > 0;
  }

  /** Whether an enabled subscription lists this event type. */
  async anySubscribed(type: string): Promise<boolean> {
    const rows: { found: boolean }[] = await this.db().query(
      `SELECT EXISTS (SELECT 1 FROM webhook_subscriptions WHERE disabled_at IS NULL AND $1 = ANY(event_types)) AS found`,
      [type],
    );
    return rows.at(0)?.found ?? false;
  }

  /** A delivery row per (event, matching subscription); existing ones are left alone. Returns the new ids. */
  async fanOut(events: WebhookEvent[]): Promise<string[]> {
    const rows: { id: string }[] = await this.db().query(
      `INSERT INTO webhook_deliveries (subscription_id, event_type, event_key, payload)
       SELECT s.id, e.type, e.key, jsonb_build_object('type', e.type, 'key', e.key, 'data', e.data)
         FROM jsonb_to_recordset($1::jsonb) AS e(type text, key text, data jsonb)
         JOIN webhook_subscriptions s ON s.disabled_at IS NULL AND e.type = ANY(s.event_types)
       ON CONFLICT (subscription_id, event_key) DO NOTHING RETURNING id`,
      [JSON.stringify(events)],
    );
    return rows.map((r) => r.id);
  }

  async pendingDelivery(id: string): Promise<PendingDelivery | null> {
    const rows: PendingDelivery[] = await this.db().query(
      `SELECT d.id, d.status, d.payload, s.id AS "subscriptionId", s.url, s.secret, s.paused_at AS "pausedAt" FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id
        WHERE d.id = $1 AND s.disabled_at IS NULL`,
      [id],
    );
    return rows[0] ?? null;
  }

  async recordAttempt(id: string, statusCode: number | null, error: string | null, refused: boolean): Promise<void> {
    await this.db().query(
      `UPDATE webhook_deliveries SET attempts = attempts + 1, last_status_code = $2, last_error = $3,
              status = CASE WHEN $3::text IS NULL THEN 'DELIVERED' WHEN $4 THEN 'FAILED' ELSE 'PENDING' END,
              delivered_at = CASE WHEN $3::text IS NULL THEN now() ELSE NULL END
        WHERE id = $1`,
      [id, statusCode, error, refused],
    );
  }

  /** Counts the run of failures; the subscription pauses at `max`. Returns its pause state after. */
  async recordOutcome(
    subscriptionId: string,
    ok: boolean,
    max: number,
    pauseReason: string,
  ): Promise<{ pausedAt: Date | null } | undefined> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const [[sub]] = await this.db().query<[({ pausedAt: Date | null } | undefined)[], number]>(
      `UPDATE webhook_subscriptions SET consecutive_failures = CASE WHEN $2 THEN 0 ELSE consecutive_failures + 1 END,
              paused_at = CASE WHEN NOT $2 AND paused_at IS NULL AND consecutive_failures + 1 >= $3 THEN now() ELSE paused_at END,
              pause_reason = CASE WHEN NOT $2 AND paused_at IS NULL AND consecutive_failures + 1 >= $3 THEN $4 ELSE pause_reason END
        WHERE id = $1 RETURNING paused_at AS "pausedAt"`,
      [subscriptionId, ok, max, pauseReason],
    );
    return sub;
  }
}
