import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { applyRouting } from '../bootstrap/configure-api-app';
import { createFastifyAdapter } from '../bootstrap/fastify-adapter';
import { buildOpenApiDocument } from './openapi-document';

/** Placeholders that only satisfy the configuration check: preview mode connects to nothing. */
const OFFLINE_ENV: Record<string, string> = {
  DATABASE_URL: 'postgres://openapi@127.0.0.1:1/openapi-offline',
  REDIS_URL: 'redis://127.0.0.1:1',
  JWT_SECRET: 'openapi-offline-placeholder-secret-not-used',
};

/**
 * The OpenAPI document of the API process without a database or Redis: the module graph is built
 * in Nest's preview mode (no provider is instantiated, nothing connects).
 */
export async function offlineOpenApiDocument(): Promise<OpenAPIObject> {
  for (const [k, v] of Object.entries(OFFLINE_ENV)) process.env[k] ??= v;
  // Imported here so that the configuration check sees the placeholders.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { AppModule } = require('../app.module') as typeof import('../app.module');
  const app = await NestFactory.create(AppModule, createFastifyAdapter(), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    applyRouting(app);
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

/** The checked-in form: stable key order, two-space JSON, trailing newline. */
export const serialiseDocument = (doc: OpenAPIObject): string => JSON.stringify(doc, null, 2) + '\n';
