import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from '../common/error-body';
import { parseTrustProxy } from '../config/trust-proxy';

/**
 * Correlation id: always unique (a client could otherwise make audit rows of different requests
 * share one id). A caller's sane X-Correlation-Id is kept as its prefix so it can still be traced:
 * `<caller id>.<random>`; anything else is replaced by a new UUID.
 */
export function correlationIdFor(req: IncomingMessage): string {
  const incoming = req.headers['x-correlation-id'];
  const id =
    typeof incoming === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(incoming)
      ? `${incoming}.${randomBytes(6).toString('hex')}`
      : randomUUID();
  (req as IncomingMessage & { id?: string }).id = id;
  return id;
}

/** Errors Fastify raises before routing (bad URL encoding, over-long path parameter), in the contract shape, without echoing the path. */
function frameworkErrors(err: { code?: string }, req: FastifyRequest, reply: FastifyReply): void {
  const tooLong = err.code === 'FST_ERR_MAX_PARAM_LENGTH';
  const status = tooLong ? 414 : 400;
  const message = tooLong ? 'Alamat terlalu panjang / URI too long' : 'Alamat tidak valid / malformed URL';
  void reply
    .status(status)
    .header('x-correlation-id', req.id)
    .header('cache-control', 'no-store')
    .send(
      errorBody(
        status,
        message,
        [{ field: 'path', problem: tooLong ? 'a path parameter is too long' : 'is not a valid URL' }],
        req.id,
      ),
    );
}

/** TRUST_PROXY is read here because the adapter exists before the Nest config does (validated by envOrExit). */
export function createFastifyAdapter(trustProxy: string | undefined = process.env.TRUST_PROXY): FastifyAdapter {
  const trusted = parseTrustProxy(trustProxy);
  return new FastifyAdapter({
    genReqId: correlationIdFor,
    requestIdHeader: false,
    trustProxy: trusted === false ? false : trusted,
    bodyLimit: 20 * 1024 * 1024, // employee imports of 10,000 rows
    frameworkErrors: frameworkErrors as never,
    logger: false,
  });
}
