import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../identity/auth.decorators';
import { CurrentPrincipal } from '../identity/current-principal.decorator';
import { actorLabel, Principal } from '../identity/principal';
import { CreateWebhookDto } from './dto/webhook.dto';
import { WebhooksService } from './webhooks.service';

@ApiTags('webhooks')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @ApiOperation({ summary: 'Subscribe a URL to events; payloads are signed: X-Skp-Signature = sha256=HMAC(secret, "<timestamp>.<body>")' })
  create(@Body() dto: CreateWebhookDto, @CurrentPrincipal() p: Principal) {
    return this.webhooks.create(dto, actorLabel(p).actor);
  }

  @Get()
  list() {
    return this.webhooks.list();
  }

  @Get(':id/deliveries')
  deliveries(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.webhooks.deliveries(id);
  }

  @Delete(':id')
  @HttpCode(204)
  async disable(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.webhooks.disable(id);
  }
}
