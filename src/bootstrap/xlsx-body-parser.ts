import type { FastifyInstance, FastifyRequest } from 'fastify';
import { XLSX_MIME } from '../common/spreadsheet';

/** `.xlsx` request bodies arrive as a Buffer (employee and attendance imports); reading happens in the feature. */
export function registerXlsxBodyParser(fastify: FastifyInstance): void {
  fastify.addContentTypeParser(
    XLSX_MIME,
    { parseAs: 'buffer' },
    (_req: FastifyRequest, body: string | Buffer, done: (err: Error | null, body?: unknown) => void) => {
      done(null, typeof body === 'string' ? Buffer.from(body) : body);
    },
  );
}
