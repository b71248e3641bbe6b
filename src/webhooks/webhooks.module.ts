import { Module } from '@nestjs/common';
import { WebhookFanout } from './webhook-fanout';
import { WebhooksController } from './webhooks.controller';
import { WebhooksRepository } from './webhooks.repository';
import { WebhooksService } from './webhooks.service';
import { WebhookDeliveryHandler } from './webhook-delivery.handler';

@Module({
  controllers: [WebhooksController],
  providers: [WebhookDeliveryHandler, WebhooksRepository, WebhooksService, WebhookFanout],
  exports: [WebhookFanout, WebhooksRepository],
})
export class WebhooksModule {}
