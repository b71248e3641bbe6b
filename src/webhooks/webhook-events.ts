/** Events an HR or payroll system can subscribe to. */
export const WEBHOOK_EVENT_TYPES = ['outcome.created'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export interface WebhookEvent {
  type: WebhookEventType;
  /** Unique per fact: a subscription receives each key once. */
  key: string;
  data: Record<string, unknown>;
}
