import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { RuleInputError } from '../rules/common/errors';
import { CONTRACT_STATUS, DomainError, type ErrorDetail } from './domain-errors';
import { errorBody } from './error-body';

const PG_UNIQUE_VIOLATION = '23505';
// Malformed values PostgreSQL refused (the input guards should catch these first): a 400, never a 500.
const PG_BAD_VALUE = new Set(['22P02', '22007', '22008', '22021', '22P05', '22003', '22001', '2201B', '54001']);

/** Fixed texts for Fastify's own errors: their messages echo the path or the content type. */
const FASTIFY_ERRORS: Partial<Record<string, { status: number; message: string; field: string; problem: string }>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    message: 'Body bukan JSON yang valid / malformed JSON body',
    field: 'body',
    problem: 'is not valid JSON',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    message: 'Body bukan JSON yang valid / malformed JSON body',
    field: 'body',
    problem: 'is empty',
  },
  SKP_JSON_TOO_DEEP: {
    status: 400,
    message: 'Body JSON terlalu dalam / JSON nested too deep',
    field: 'body',
    problem: 'nested deeper than 64 levels',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    message: 'Body terlalu besar / request body too large',
    field: 'body',
    problem: 'is larger than the limit',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    message: 'Jenis konten tidak didukung / unsupported media type',
    field: 'content-type',
    problem: 'use application/json (or text/csv where documented)',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    message: 'Panjang konten tidak sesuai / content length mismatch',
    field: 'content-length',
    problem: 'does not match the body',
  },
  FST_ERR_CTP_INVALID_TYPE: {
    status: 400,
    message: 'Jenis konten tidak valid / invalid content type',
    field: 'content-type',
    problem: 'is not a valid media type',
  },
};

/** The methods a path answers to (for 405 + Allow), or [] when no route matches it. */
export type AllowedMethods = (url: string) => string[];

/** Answers a request that matched no route itself (the console's deep links); false to fall through to 404. */
export type NoRouteFallback = (req: FastifyRequest, reply: FastifyReply) => boolean;

/** A field of whatever was thrown (Fastify's errors carry `code` and `statusCode`); anything may be thrown. */
function fieldOf(thrown: unknown, key: string): unknown {
  return typeof thrown === 'object' && thrown !== null ? (thrown as Record<string, unknown>)[key] : undefined;
}

/** Logged for a 500: what went wrong without the values of the statement (NIPs, names). */
function loggable(exception: unknown): Record<string, unknown> {
  if (exception instanceof QueryFailedError) {
    const e = exception as QueryFailedError & { code?: string; table?: string; constraint?: string };
    return {
      type: 'QueryFailedError',
      code: e.code,
      table: e.table,
      constraint: e.constraint,
      query: e.query,
      stack: e.stack?.split('\n').slice(0, 6).join('\n'),
    };
  }
  if (exception instanceof Error) return { type: exception.name, message: exception.message, stack: exception.stack };
  return { type: typeof exception };
}

/** Every error leaves the API in the contract's shape, with the correlation id. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');

  constructor(
    private readonly allowedMethods: AllowedMethods = () => [],
    private readonly fallback: NoRouteFallback = () => false,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const reply = ctx.getResponse<FastifyReply>();
    const request = ctx.getRequest<FastifyRequest>();
    const correlationId = request.id;
    if ((request as FastifyRequest & { is404?: boolean }).is404) {
      this.noRoute(request, reply, correlationId);
      return;
    }
    const { status, message, details, extra } = this.describe(exception);
    if (status >= 500) this.logger.error({ err: loggable(exception), correlationId }, 'unhandled error');
    if (typeof extra.retryAfterSeconds === 'number') void reply.header('retry-after', String(extra.retryAfterSeconds));
    void reply
      .status(status)
      .header('x-correlation-id', correlationId)
      .send(errorBody(status, message, details, correlationId, extra));
  }

  /** No route for this method and path: 405 with Allow when the path exists for other methods, else 404; the path is not echoed. */
  private noRoute(request: FastifyRequest, reply: FastifyReply, correlationId: string): void {
    const allow = this.allowedMethods(request.url.split('?')[0]);
    void reply.header('x-correlation-id', correlationId);
    if (allow.length) {
      void reply
        .status(405)
        .header('allow', allow.join(', '))
        .send(
          errorBody(
            405,
            'Metode tidak diizinkan / method not allowed',
            [{ field: 'method', problem: `allowed: ${allow.join(', ')}` }],
            correlationId,
          ),
        );
      return;
    }
    if (this.fallback(request, reply)) return;
    void reply.status(404).send(errorBody(404, 'Alamat tidak ditemukan / no such path', [], correlationId));
  }

  private describe(exception: unknown): {
    status: number;
    message: string;
    details: ErrorDetail[];
    extra: Record<string, unknown>;
  } {
    // The one translation of domain errors to the contract (kind → status, message, details, extra fields).
    if (exception instanceof DomainError)
      return {
        status: CONTRACT_STATUS[exception.kind],
        message: exception.message,
        details: exception.details,
        extra: exception.extra,
      };
    // Input the rules refused that no service put in context: the facts cannot be processed, never a 500.
    if (exception instanceof RuleInputError)
      return {
        status: CONTRACT_STATUS.UNPROCESSABLE,
        message: exception.message,
        details: [{ field: exception.field ?? 'input', problem: exception.message }],
        extra: {},
      };
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
      const text = Array.isArray(message)
        ? message.join('; ')
        : typeof message === 'string'
          ? message
          : exception.message;
      return { status, message: text, details: Array.isArray(details) ? (details as ErrorDetail[]) : [], extra };
    }
    if (exception instanceof QueryFailedError) {
      const code = (exception as unknown as { code?: string }).code;
      if (code === PG_UNIQUE_VIOLATION)
        return { status: HttpStatus.CONFLICT, message: 'Data sudah ada / duplicate', details: [], extra: {} };
      if (code && PG_BAD_VALUE.has(code))
        return {
          status: HttpStatus.BAD_REQUEST,
          message: 'Format nilai tidak valid / invalid value',
          details: [],
          extra: {},
        };
    }
    const code = fieldOf(exception, 'code');
    const known = typeof code === 'string' ? FASTIFY_ERRORS[code] : undefined;
    if (known)
      return {
        status: known.status,
        message: known.message,
        details: [{ field: known.field, problem: known.problem }],
        extra: {},
      };
    const fastifyStatus = fieldOf(exception, 'statusCode');
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      return {
        status: fastifyStatus,
        message: 'Permintaan tidak dapat diproses / request refused',
        details: [],
        extra: {},
      };
    }
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      message: 'Terjadi kesalahan internal / internal error',
      details: [],
      extra: {},
    };
  }
}
