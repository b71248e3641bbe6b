import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../identity/auth.decorators';
import { CurrentPrincipal } from '../identity/current-principal.decorator';
import { actorLabel, Principal } from '../identity/principal';
import { CreateWebhookDto } from './dto/webhook.dto';
import { WebhooksService } from './webhooks.service';
import { ApiResult } from '../openapi/api-result.decorator';

@ApiTags('webhooks')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @ApiOperation({
    summary:
      'Subscribe a URL to events; payloads are signed: X-Skp-Signature = sha256=HMAC(secret, "<timestamp>.<body>")',
    description:
      'The target is checked now and again at each delivery: https in production; loopback, private, link-local and metadata addresses refused ' +
      'unless the host is listed in WEBHOOK_ALLOWED_HOSTS; redirects are not followed. After WEBHOOK_MAX_CONSECUTIVE_FAILURES failed deliveries ' +
      'in a row the subscription is PAUSED (status in GET /webhooks) until resumed.',
  })
  @ApiResult('WebhookView', 201, 'Created')
  create(@Body() dto: CreateWebhookDto, @CurrentPrincipal() p: Principal) {
    return this.webhooks.create(dto, actorLabel(p).actor);
  }

  @Get()
  @ApiResult('WebhookList')
  list() {
    return this.webhooks.list();
  }

  @Get(':id/deliveries')
  @ApiResult('WebhookDeliveryList')
  deliveries(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.webhooks.deliveries(id);
  }

  @Post(':id/pause')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Pause a subscription by hand: no delivery attempts until resumed (deliveries stay PENDING in the log)',
  })
  @ApiResult('WebhookView')
  pause(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.webhooks.pause(id);
  }

  @Post(':id/resume')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resume a subscription paused after too many consecutive failed deliveries' })
  @ApiResult('WebhookView')
  resume(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.webhooks.resume(id);
  }

  @Delete(':id')
  @HttpCode(204)
  async disable(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.webhooks.disable(id);
  }
}
