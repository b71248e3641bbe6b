import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { FastifyAdapter } from '@nestjs/platform-fastify';

/** Correlation id: the caller's X-Correlation-Id when it looks sane, else a new UUID. */
export function correlationIdFor(req: IncomingMessage): string {
  const incoming = req.headers['x-correlation-id'];
  const id = typeof incoming === 'string' && /^[A-Za-z0-9._-]{8,80}$/.test(incoming) ? incoming : randomUUID();
  (req as IncomingMessage & { id?: string }).id = id;
  return id;
}

export function createFastifyAdapter(): FastifyAdapter {
  return new FastifyAdapter({
    genReqId: correlationIdFor,
    requestIdHeader: false,
    trustProxy: true,
    bodyLimit: 20 * 1024 * 1024, // employee imports of 10,000 rows
    logger: false,
  });
}
