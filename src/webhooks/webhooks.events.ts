import { defineEvent } from '../jobs/job-declaration';

export const WebhookQueued = defineEvent<{ deliveryId: string }>(
  'WebhookQueued',
  'A webhook delivery (one subscription, one event) was queued.',
);
