import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { badRequest, notFound } from '../common/api-error';
import { AppConfig } from '../config/app-config';
import { CreateWebhookDto } from './dto/webhook.dto';
import { targetProblem, targetRules } from './webhook-targets';
import type { WebhookDeliveryList, WebhookList, WebhookView } from './webhooks.views';

const VIEW = `id, url, event_types AS "eventTypes", created_by AS "createdBy", created_at AS "createdAt", disabled_at AS "disabledAt",
  CASE WHEN disabled_at IS NOT NULL THEN 'DISABLED' WHEN paused_at IS NOT NULL THEN 'PAUSED' ELSE 'ACTIVE' END AS status,
  consecutive_failures AS "consecutiveFailures", paused_at AS "pausedAt", pause_reason AS "pauseReason"`;

@Injectable()
export class WebhooksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async create(dto: CreateWebhookDto, createdBy: string): Promise<WebhookView> {
    const problem = await targetProblem(
      dto.url,
      targetRules(this.config.get('NODE_ENV'), this.config.get('WEBHOOK_ALLOWED_HOSTS')),
    );
    if (problem) throw badRequest('Alamat webhook ditolak / webhook target refused', [{ field: 'url', problem }]);
    return this.dataSource.transaction(async (m) => {
      const [row] = await m.query(
        `INSERT INTO webhook_subscriptions (url, event_types, secret, created_by) VALUES ($1, $2, $3, $4) RETURNING ${VIEW}`,
        [dto.url, dto.eventTypes, dto.secret, createdBy],
      );
      await this.audit.record(m, {
        action: 'webhook.create',
        entityType: 'WebhookSubscription',
        entityId: row.id,
        after: { url: dto.url, eventTypes: dto.eventTypes },
      });
      return row;
    });
  }

  async list(): Promise<WebhookList> {
    return {
      items: await this.dataSource.query(`SELECT ${VIEW} FROM webhook_subscriptions ORDER BY created_at`),
      nextCursor: null,
    };
  }

  async deliveries(id: string): Promise<WebhookDeliveryList> {
    const items = await this.dataSource.query(
      `SELECT id, event_type AS "eventType", event_key AS "eventKey", status, attempts, last_status_code AS "lastStatusCode", last_error AS "lastError",
              created_at AS "createdAt", delivered_at AS "deliveredAt"
         FROM webhook_deliveries WHERE subscription_id = $1 ORDER BY created_at DESC LIMIT 1000`,
      [id],
    );
    return { items, nextCursor: null };
  }

  /** Un-pauses a subscription; deliveries from now on are tried again. */
  async resume(id: string): Promise<WebhookView> {
    return this.dataSource.transaction(async (m) => {
      // TypeORM answers an UPDATE … RETURNING with [rows, affected].
      const [rows] = await m.query(
        `UPDATE webhook_subscriptions SET paused_at = NULL, pause_reason = NULL, consecutive_failures = 0 WHERE id = $1 AND disabled_at IS NULL RETURNING ${VIEW}`,
        [id],
      );
      if (rows.length === 0) throw notFound('Webhook');
      await this.audit.record(m, { action: 'webhook.resume', entityType: 'WebhookSubscription', entityId: id });
      return rows[0];
    });
  }

  async disable(id: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const rows = await m.query(
        `UPDATE webhook_subscriptions SET disabled_at = now() WHERE id = $1 AND disabled_at IS NULL RETURNING id`,
        [id],
      );
      if (rows.length === 0) throw notFound('Webhook');
      await this.audit.record(m, { action: 'webhook.disable', entityType: 'WebhookSubscription', entityId: id });
    });
  }
}
