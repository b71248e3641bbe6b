import { ApiProperty } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsArray, IsIn, IsString, IsUrl, MaxLength, MinLength } from 'class-validator';
import { WEBHOOK_EVENT_TYPES, WebhookEventType } from '../webhook-events';

export class CreateWebhookDto {
  @ApiProperty({
    example: 'https://payroll.example.invalid/hooks',
    description:
      'https in production; hosts resolving to loopback, private, link-local or metadata addresses are refused unless listed in WEBHOOK_ALLOWED_HOSTS',
  })
  @IsUrl(
    { protocols: ['https', 'http'], require_protocol: true, require_tld: false },
    { message: 'harus URL http(s) / must be an http(s) URL' },
  )
  @MaxLength(500)
  url: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  eventTypes: WebhookEventType[];

  @ApiProperty({ description: 'shared secret for the HMAC-SHA256 signature (X-Skp-Signature)' })
  @IsString()
  @MinLength(16)
  @MaxLength(200)
  secret: string;
}
