import { createPrivateDatabase, PrivateDatabase } from './private-database';
import { RedisInstance } from './redis-instance';
import type { TestApp } from './test-app';

export interface PrivateRedisApp {
  redis: RedisInstance;
  t: TestApp;
}

/**
 * Registers beforeAll/afterAll that run the real API + worker against a private Redis (so a test may
 * stop and restart it) and a private database (so its relay drains only this test's outbox rows, not
 * the backlog of test files that ran without a worker), and restore the shared ones afterwards.
 * Use the returned object inside tests.
 */
export function usePrivateRedisApp(): PrivateRedisApp {
  const ctx = {} as PrivateRedisApp;
  const saved = { REDIS_URL: process.env.REDIS_URL, DATABASE_URL: process.env.DATABASE_URL };
  let db: PrivateDatabase | null = null;
  beforeAll(async () => {
    ctx.redis = await RedisInstance.start();
    db = await createPrivateDatabase('fault');
    process.env.REDIS_URL = ctx.redis.url;
    process.env.DATABASE_URL = db.url;
    // Loaded after the URLs are set: configuration is read when the modules load.
    const { createTestApp } = require('./test-app') as typeof import('./test-app');
    ctx.t = await createTestApp({ worker: true });
  });
  afterAll(async () => {
    if (ctx.redis && !ctx.redis.ping()) await ctx.redis.up().catch(() => undefined);
    ctx.t?.clock.reset();
    await ctx.t?.close();
    ctx.redis?.down();
    await db?.drop();
    Object.assign(process.env, saved);
  });
  return ctx;
}
