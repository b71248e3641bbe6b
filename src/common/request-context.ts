import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Principal } from '../identity/principal';

/** Per-request (or per-job) context: correlation id and the authenticated caller. */
export interface RequestContextStore {
  correlationId: string;
  principal?: Principal;
}

const storage = new AsyncLocalStorage<RequestContextStore>();

export const RequestContext = {
  run<T>(store: RequestContextStore, fn: () => T): T {
    return storage.run(store, fn);
  },
  current(): RequestContextStore | undefined {
    return storage.getStore();
  },
  correlationId(): string {
    return storage.getStore()?.correlationId ?? 'system';
  },
  principal(): Principal | undefined {
    return storage.getStore()?.principal;
  },
  newCorrelationId(): string {
    return randomUUID();
  },
};
