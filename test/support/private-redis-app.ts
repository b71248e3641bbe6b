import { RedisInstance } from './redis-instance';
import type { TestApp } from './test-app';

export interface PrivateRedisApp {
  redis: RedisInstance;
  t: TestApp;
}

/**
 * Registers beforeAll/afterAll that run the real API + worker against a private Redis (so a test may
 * stop and restart it) and restore the shared one afterwards. Use the returned object inside tests.
 */
export function usePrivateRedisApp(): PrivateRedisApp {
  const ctx = {} as PrivateRedisApp;
  const savedUrl = process.env.REDIS_URL;
  beforeAll(async () => {
    ctx.redis = await RedisInstance.start();
    process.env.REDIS_URL = ctx.redis.url;
    // Loaded after REDIS_URL is set: configuration is read when the modules load.
    const { createTestApp } = require('./test-app') as typeof import('./test-app');
    ctx.t = await createTestApp({ worker: true });
  });
  afterAll(async () => {
    if (ctx.redis && !ctx.redis.ping()) await ctx.redis.up().catch(() => undefined);
    ctx.t?.clock.reset();
    await ctx.t?.close();
    ctx.redis?.down();
    process.env.REDIS_URL = savedUrl;
  });
  return ctx;
}
