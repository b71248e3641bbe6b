import { defineJob } from '../jobs/job-declaration';
import { WebhookQueued } from './webhooks.events';

export const DeliverWebhookJob = defineJob({
  name: 'webhooks.deliver',
  queue: 'pipeline',
  attempts: 10,
  backoffMs: 2000,
  description: 'Deliver one signed webhook payload (retried with backoff until the receiver answers 2xx).',
  on: [WebhookQueued],
});
