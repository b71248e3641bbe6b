import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { ErrorDetail } from './api-error';
import { errorBody } from './error-body';

const PG_UNIQUE_VIOLATION = '23505';
const PG_INVALID_TEXT = '22P02';

/** Every error leaves the API in the contract's shape, with the correlation id. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const reply = ctx.getResponse<FastifyReply>();
    const request = ctx.getRequest<FastifyRequest>();
    const correlationId = String(request.id);
    const { status, message, details, extra } = this.describe(exception);
    if (status >= 500) this.logger.error({ err: exception, correlationId }, 'unhandled error');
    if (typeof extra.retryAfterSeconds === 'number') void reply.header('retry-after', String(extra.retryAfterSeconds));
    void reply.status(status).header('x-correlation-id', correlationId).send(errorBody(status, message, details, correlationId, extra));
  }

  private describe(exception: unknown): { status: number; message: string; details: ErrorDetail[]; extra: Record<string, unknown> } {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const res = exception.getResponse();
      if (typeof res === 'string') return { status, message: res, details: [], extra: {} };
      const body = res as Record<string, unknown>;
      if (body.status === 'error' && typeof body.details === 'object' && !Array.isArray(body.details)) {
        // Terminus health result: keep its checks, list the failing ones as details.
        const checks = body.details as Record<string, { status: string; message?: string }>;
        const down = Object.entries(checks).filter(([, c]) => c.status !== 'up');
        return {
          status,
          message: `Layanan tidak siap / dependency down: ${down.map(([k]) => k).join(', ')}`,
          details: down.map(([k, c]) => ({ field: k, problem: c.message ? `down: ${c.message}` : 'down' })),
          extra: { status: 'error', info: body.info, checks },
        };
      }
      const { message, details, statusCode: _s, error: _e, ...extra } = body;
      const text = Array.isArray(message) ? message.join('; ') : String(message ?? exception.message);
      return { status, message: text, details: Array.isArray(details) ? (details as ErrorDetail[]) : [], extra };
    }
    if (exception instanceof QueryFailedError) {
      const code = (exception as unknown as { code?: string }).code;
      if (code === PG_UNIQUE_VIOLATION) return { status: HttpStatus.CONFLICT, message: 'Data sudah ada / duplicate', details: [], extra: {} };
      if (code === PG_INVALID_TEXT) return { status: HttpStatus.BAD_REQUEST, message: 'Format nilai tidak valid / invalid value', details: [], extra: {} };
    }
    const code = (exception as { code?: string })?.code;
    if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return { status: HttpStatus.BAD_REQUEST, message: 'Body bukan JSON yang valid / malformed JSON body', details: [{ field: 'body', problem: 'is not valid JSON' }], extra: {} };
    }
    const fastifyStatus = (exception as { statusCode?: number })?.statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      return { status: fastifyStatus, message: (exception as Error).message, details: [], extra: {} };
    }
    return { status: HttpStatus.INTERNAL_SERVER_ERROR, message: 'Terjadi kesalahan internal / internal error', details: [], extra: {} };
  }
}
