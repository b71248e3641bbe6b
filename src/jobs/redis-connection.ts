import IORedis, { RedisOptions } from 'ioredis';

/**
 * Workers block on Redis and need maxRetriesPerRequest: null; producers fail fast
 * (no offline queue) so a Redis outage surfaces at once and the outbox keeps the work.
 */
export function createRedis(url: string, role: 'worker' | 'producer' | 'health'): IORedis {
  const base: RedisOptions = { lazyConnect: false, connectionName: `skp-${role}` };
  if (role === 'worker') return new IORedis(url, { ...base, maxRetriesPerRequest: null });
  return new IORedis(url, {
    ...base,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  });
}
