import type { FastifyInstance, FastifyRequest } from 'fastify';

/** `text/csv` request bodies arrive as a string (employee imports); parsing happens in the feature. */
export function registerCsvBodyParser(fastify: FastifyInstance): void {
  fastify.addContentTypeParser(
    ['text/csv', 'application/csv'],
    { parseAs: 'string' },
    (_req: FastifyRequest, body: string | Buffer, done: (err: Error | null, body?: unknown) => void) => {
      done(null, typeof body === 'string' ? body : body.toString('utf8'));
    },
  );
}
