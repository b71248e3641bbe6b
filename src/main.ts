import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import { configureApiApp } from './bootstrap/configure-api-app';
import { envOrExit } from './bootstrap/env-or-exit';
import { exitWithFatal, routeProcessOutputToLog } from './bootstrap/process-log';
import { createFastifyAdapter } from './bootstrap/fastify-adapter';
import { runMigrations } from './database/migrate';
import { AuthService } from './identity/auth.service';

/** HTTP API process. SIGTERM drains HTTP, then closes queues and the database pool. */
async function bootstrap(): Promise<void> {
  routeProcessOutputToLog('api');
  const env = envOrExit();
  if (env.RUN_MIGRATIONS === 'true') await runMigrations(env.DATABASE_URL);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, createFastifyAdapter(env.TRUST_PROXY), {
    bufferLogs: true,
    abortOnError: false,
  });
  await configureApiApp(app);
  await app.get(AuthService).ensureBootstrapAdmin();
  await app.listen(env.PORT, env.HOST);
  new AppModuleLogger().log(`API listening on ${await app.getUrl()} (docs at /api/docs)`);
}

class AppModuleLogger {
  log(msg: string): void {
    process.stdout.write(JSON.stringify({ level: 30, time: Date.now(), msg }) + '\n');
  }
}

void bootstrap().catch((err: unknown) => exitWithFatal(err, 'API failed to start'));
