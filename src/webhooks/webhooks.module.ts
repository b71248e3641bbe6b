import { Module } from '@nestjs/common';
import { WebhookFanout } from './webhook-fanout';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';

@Module({ controllers: [WebhooksController], providers: [WebhooksService, WebhookFanout], exports: [WebhookFanout] })
export class WebhooksModule {}
