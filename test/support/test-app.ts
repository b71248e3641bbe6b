import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { configureApiApp } from '../../src/bootstrap/configure-api-app';
import { createFastifyAdapter } from '../../src/bootstrap/fastify-adapter';
import { Clock } from '../../src/common/clock';
import { runMigrations } from '../../src/database/migrate';
import { AuthService } from '../../src/identity/auth.service';
import { WorkerModule } from '../../src/worker.module';
import { OpenApiResponseValidator } from './openapi-validator';
import { currentYear } from './org-skp-fixtures';

export interface HttpResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
  text: string;
}

export interface RequestOptions {
  token?: string;
  apiKey?: string;
  body?: unknown;
  raw?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface TestApp {
  app: NestFastifyApplication;
  worker: INestApplicationContext | null;
  url: string;
  dataSource: DataSource;
  clock: Clock;
  request<T = any>(method: string, path: string, opts?: RequestOptions): Promise<HttpResult<T>>;
  login(nip: string, password: string): Promise<string>;
  adminToken(): Promise<string>;
  startWorker(): Promise<INestApplicationContext>;
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

export const ADMIN = { nip: process.env.BOOTSTRAP_ADMIN_NIP!, password: process.env.BOOTSTRAP_ADMIN_PASSWORD! };

/**
 * Boots the real API (Fastify, on a random port) and optionally the real worker, in this process.
 * Every JSON response that `request` receives is checked against the API's own OpenAPI document
 * (schema of its operation and status); a mismatch fails the test (`validateResponses: false` to opt out).
 */
export async function createTestApp(
  opts: { worker?: boolean; env?: Record<string, string>; validateResponses?: boolean } = {},
): Promise<TestApp> {
  Object.assign(process.env, opts.env ?? {});
  await runMigrations(process.env.DATABASE_URL!);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, createFastifyAdapter(), {
    logger: false,
    bufferLogs: true,
  });
  await configureApiApp(app);
  await app.get(AuthService).ensureBootstrapAdmin();
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  let worker: INestApplicationContext | null = null;
  let adminTokenCache: string | null = null;
  const validator =
    opts.validateResponses === false
      ? null
      : new OpenApiResponseValidator(
          (await (await fetch(`${url}/api/docs-json`)).json()) as ConstructorParameters<
            typeof OpenApiResponseValidator
          >[0],
        );

  const t: TestApp = {
    app,
    get worker() {
      return worker;
    },
    url,
    dataSource: app.get(DataSource),
    clock: app.get(Clock),
    async request(method, path, o = {}) {
      const headers: Record<string, string> = { ...(o.headers ?? {}) };
      if (o.token) headers.authorization = `Bearer ${o.token}`;
      if (o.apiKey) headers['x-api-key'] = o.apiKey;
      let body: string | undefined;
      if (o.raw !== undefined) {
        body = o.raw;
        headers['content-type'] = o.contentType ?? 'application/json';
      } else if (o.body !== undefined) {
        body = JSON.stringify(o.body);
        headers['content-type'] = o.contentType ?? 'application/json';
      }
      const res = await fetch(`${url}${path}`, { method, headers, body });
      const text = await res.text();
      let parsed: unknown = text;
      if ((res.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
      const check = validator?.check(method, path, res.status, res.headers.get('content-type'), parsed);
      if (check && check.errors.length)
        throw new Error(
          `Response does not match the OpenAPI document: ${check.operation}\n  ${check.errors.join('\n  ')}\n  body: ${text.slice(0, 2000)}`,
        );
      return { status: res.status, body: parsed as any, headers: res.headers, text };
    },
    async login(nip, password) {
      const r = await t.request('POST', '/api/v1/auth/login', { body: { nip, password } });
      if (r.status !== 200) throw new Error(`login ${nip} failed: ${r.status} ${r.text}`);
      return r.body.accessToken as string;
    },
    async adminToken() {
      adminTokenCache ??= await t.login(ADMIN.nip, ADMIN.password);
      return adminTokenCache;
    },
    async startWorker() {
      if (!worker) {
        worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
        await worker.init();
      }
      return worker;
    },
    async stopWorker() {
      if (worker) await worker.close();
      worker = null;
    },
    async close() {
      await t.stopWorker();
      t.clock.reset();
      await app.close();
    },
  };
  if (opts.worker) await t.startWorker();
  return t;
}

/**
 * For the enclosing describe: the API without the worker (booted before all, closed after all) and
 * the year of its clock, which the SKP planning specs plan for; `use` receives them.
 */
export function usePlanningApp(use: (app: { t: TestApp; year: number }) => void): void {
  let t: TestApp | undefined;
  beforeAll(async () => {
    t = await createTestApp();
    use({ t, year: currentYear(t) });
  });
  afterAll(async () => {
    await t?.close();
  });
}

export { eventually } from './eventually';
