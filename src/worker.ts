import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { envOrExit } from './bootstrap/env-or-exit';
import { exitWithFatal, processLog, routeProcessOutputToLog } from './bootstrap/process-log';
import { RedisWatchdog } from './bootstrap/redis-watchdog';
import { runMigrations } from './database/migrate';
import { WorkerModule } from './worker.module';

/** EX_UNAVAILABLE (sysexits.h): a service the worker needs (Redis) stayed unreachable. */
const EXIT_REDIS_UNAVAILABLE = 69;
/** How long a worker that gives up waits for active jobs before it exits anyway. */
const CLOSE_TIMEOUT_MS = 5000;

let app: INestApplicationContext | null = null;

/**
 * Worker process: BullMQ workers + outbox relay. SIGTERM lets active jobs finish, then closes.
 * Every line it writes is JSON (pino); Redis unreachable for WORKER_REDIS_GRACE_SECONDS ends it with 69,
 * also while it is still starting (BullMQ waits for Redis before the workers run).
 */
async function bootstrap(): Promise<void> {
  routeProcessOutputToLog('worker');
  const env = envOrExit();
  new RedisWatchdog({
    url: env.REDIS_URL,
    graceSeconds: env.WORKER_REDIS_GRACE_SECONDS,
    log: processLog.child({ context: 'RedisWatchdog' }),
    onGiveUp: () => void exitUnavailable(),
  }).start();
  if (env.RUN_MIGRATIONS === 'true') await runMigrations(env.DATABASE_URL);
  app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.init();
}

async function exitUnavailable(): Promise<void> {
  if (app) {
    const timeout = new Promise((resolve) => setTimeout(resolve, CLOSE_TIMEOUT_MS).unref());
    await Promise.race([
      app.close().catch((err: unknown) => {
        processLog.error({ err }, 'worker close failed');
      }),
      timeout,
    ]);
  }
  process.exit(EXIT_REDIS_UNAVAILABLE);
}

void bootstrap().catch((err: unknown) => exitWithFatal(err, 'Worker failed to start'));
