/** A webhook subscription (the secret is never shown). */
export interface WebhookView {
  id: string;
  url: string;
  eventTypes: string[];
  createdBy: string;
  createdAt: string;
  disabledAt: string | null;
  status: 'ACTIVE' | 'PAUSED' | 'DISABLED';
  consecutiveFailures: number;
  pausedAt: string | null;
  pauseReason: string | null;
}
export interface WebhookList {
  items: WebhookView[];
  nextCursor: null;
}
export interface WebhookDelivery {
  id: string;
  eventType: string;
  eventKey: string;
  status: 'PENDING' | 'DELIVERED' | 'FAILED';
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}
export interface WebhookDeliveryList {
  items: WebhookDelivery[];
  nextCursor: null;
}
