import { defineEvent } from '../jobs/job-declaration';

/** A SIASN outbox row is ready to send (written only while SIASN_ENABLED, in the row's transaction). */
export const SiasnRowQueued = defineEvent<{ outboxId: string }>(
  'SiasnRowQueued',
  'A SIASN outbox row was written and may be sent.',
);

/** `POST /siasn/push`: an operator asked for a batch of one kind and scope. */
export const SiasnPushRequested = defineEvent<{ batchId: string }>(
  'SiasnPushRequested',
  'A manual SIASN push batch was requested.',
);

/** `POST /siasn/import`: read what SIASN holds for a scope (never writes to SIASN). */
export const SiasnImportRequested = defineEvent<{ batchId: string }>(
  'SiasnImportRequested',
  'A SIASN import (reconciliation read) was requested.',
);
