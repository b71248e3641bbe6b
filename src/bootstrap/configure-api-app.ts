import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import { INestApplication, VersioningType } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Logger } from 'nestjs-pino';
import { AllExceptionsFilter } from '../common/http-exception.filter';
import { RequestContext } from '../common/request-context';
import { SafeTextPipe } from '../common/safe-text';
import { createValidationPipe } from '../common/validation';
import { AppConfig } from '../config/app-config';
import { registerQueueBoard } from '../jobs/queue-board';
import { buildOpenApiDocument } from '../openapi/openapi-document';
import { DEFAULT_CONSOLE_DIR, registerConsole } from './console-static';
import { registerCsvBodyParser } from './csv-body-parser';
import { registerJsonBodyParser } from './json-body-parser';
import { registerXlsxBodyParser } from './xlsx-body-parser';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** The methods that have a route for this path (Fastify's router, the same match as a real request). */
function allowedMethods(fastify: FastifyInstance, url: string): string[] {
  try {
    // find-my-way answers null when no route matches; Fastify's type leaves the null out.
    return METHODS.filter((method) => (fastify.findRoute({ method, url }) as unknown) !== null);
  } catch {
    return [];
  }
}

/** Everything the HTTP API needs beyond the module graph; shared by main.ts and the e2e tests. */
export async function configureApiApp(app: NestFastifyApplication): Promise<void> {
  const config = app.get(AppConfig);
  app.useLogger(app.get(Logger));
  app.flushLogs();
  const fastify = app.getHttpAdapter().getInstance();
  registerCsvBodyParser(fastify);
  registerJsonBodyParser(app);
  registerXlsxBodyParser(fastify);
  // Evidence uploads (multipart/form-data): one file per request, read whole up to EVIDENCE_MAX_BYTES.
  await app.register(multipart, {
    limits: { fileSize: config.get('EVIDENCE_MAX_BYTES'), files: 1, fields: 5, parts: 6 },
  });

  // Correlation id + request context for everything below (guards, services, audit).
  fastify.addHook('onRequest', (req: FastifyRequest, reply: FastifyReply, done: () => void) => {
    void reply.header('x-correlation-id', req.id);
    RequestContext.run({ correlationId: req.id }, done);
  });
  // Responses carry personal data and must not sit in shared or browser caches.
  fastify.addHook('onSend', async (req: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (!reply.hasHeader('cache-control') && !req.url.startsWith('/api/docs'))
      void reply.header('cache-control', 'no-store');
    return payload;
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
      },
    },
  });
  const origins = config.get('CORS_ORIGINS').trim();
  if (origins)
    app.enableCors({
      origin: origins === '*' ? true : origins.split(',').map((s) => s.trim()),
      exposedHeaders: ['x-correlation-id'],
    });

  applyRouting(app);
  app.useGlobalPipes(new SafeTextPipe(), createValidationPipe());
  // The console has no catch-all route (it would answer every path's method lookup with GET):
  // deep links reach index.html through the no-route branch of the filter.
  const consoleFallback = await registerConsole(fastify, config.get('CONSOLE_DIR') || DEFAULT_CONSOLE_DIR);
  app.useGlobalFilters(new AllExceptionsFilter((url) => allowedMethods(fastify, url), consoleFallback ?? undefined));
  app.enableShutdownHooks();

  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', useGlobalPrefix: false });

  await registerQueueBoard(app);
}

/** URL layout: `/api` prefix, URI versions (`/api/v1/...`). Also used to build the OpenAPI document offline. */
export function applyRouting(app: INestApplication): void {
  app.setGlobalPrefix('api');
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
}
