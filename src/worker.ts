import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { envOrExit } from './bootstrap/env-or-exit';
import { runMigrations } from './database/migrate';
import { WorkerModule } from './worker.module';

/** Worker process: BullMQ workers + outbox relay. SIGTERM lets active jobs finish, then closes. */
async function bootstrap(): Promise<void> {
  const env = envOrExit();
  if (env.RUN_MIGRATIONS === 'true') await runMigrations(env.DATABASE_URL);
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.init();
}

void bootstrap().catch((err) => {
  process.stderr.write(`Worker failed to start: ${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
