import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { InvalidInputError, NotFoundError } from '../common/domain-errors';
import { AppConfig } from '../config/app-config';
import { TransactionHost, type TxHost } from '../database/transaction';
import { CreateWebhookDto } from './dto/webhook.dto';
import { targetProblem, targetRules } from './webhook-targets';
import { WebhooksRepository } from './webhooks.repository';
import type { WebhookDeliveryList, WebhookList, WebhookView } from './webhooks.views';

@Injectable()
export class WebhooksService {
  constructor(
    @Inject(TransactionHost) private readonly txHost: TxHost,
    private readonly webhooks: WebhooksRepository,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async create(dto: CreateWebhookDto, createdBy: string): Promise<WebhookView> {
    const problem = await targetProblem(
      dto.url,
      targetRules(this.config.get('NODE_ENV'), this.config.get('WEBHOOK_ALLOWED_HOSTS')),
    );
    if (problem)
      throw new InvalidInputError('Alamat webhook ditolak / webhook target refused', [{ field: 'url', problem }]);
    return this.txHost.withTransaction(async () => {
      const row = await this.webhooks.create({
        url: dto.url,
        eventTypes: dto.eventTypes,
        secret: dto.secret,
        createdBy,
      });
      await this.audit.record({
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
      items: await this.webhooks.list(),
      nextCursor: null,
    };
  }

  async deliveries(id: string): Promise<WebhookDeliveryList> {
    const items = await this.webhooks.deliveries(id);
    return { items, nextCursor: null };
  }

  /** Pauses a subscription by hand (maintenance of the receiver): no attempts until resumed; deliveries wait PENDING. */
  async pause(id: string): Promise<WebhookView> {
    return this.txHost.withTransaction(async () => {
      const view = await this.webhooks.pause(id, 'Dijeda oleh admin / paused by an administrator');
      if (!view) throw new NotFoundError('Webhook');
      await this.audit.record({ action: 'webhook.pause', entityType: 'WebhookSubscription', entityId: id });
      return view;
    });
  }

  /** Un-pauses a subscription; deliveries from now on are tried again. */
  async resume(id: string): Promise<WebhookView> {
    return this.txHost.withTransaction(async () => {
      const view = await this.webhooks.resume(id);
      if (!view) throw new NotFoundError('Webhook');
      await this.audit.record({ action: 'webhook.resume', entityType: 'WebhookSubscription', entityId: id });
      return view;
    });
  }

  async disable(id: string): Promise<void> {
    await this.txHost.withTransaction(async () => {
      if (!(await this.webhooks.disable(id))) throw new NotFoundError('Webhook');
      await this.audit.record({ action: 'webhook.disable', entityType: 'WebhookSubscription', entityId: id });
    });
  }
}
