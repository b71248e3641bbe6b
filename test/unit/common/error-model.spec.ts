import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ArgumentsHost } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import {
  ConflictError,
  InvalidInputError,
  NotFoundError,
  TooManyRequestsError,
  UnprocessableError,
} from '../../../src/common/domain-errors';
import { AllExceptionsFilter } from '../../../src/common/http-exception.filter';
import { asJobFailure } from '../../../src/jobs/job-failure';
import { RuleInputError } from '../../../src/rules';
import { tsFiles } from '../../support/source-files';

/** Sends one exception through the filter and returns what the client receives. */
function respond(exception: unknown) {
  const sent: { status?: number; body?: any; headers: Record<string, string> } = { headers: {} };
  const reply = {
    status(s: number) {
      sent.status = s;
      return reply;
    },
    header(k: string, v: string) {
      sent.headers[k] = v;
      return reply;
    },
    send(b: unknown) {
      sent.body = b;
      return reply;
    },
  };
  const host = {
    switchToHttp: () => ({ getResponse: () => reply, getRequest: () => ({ id: 'cid-1', url: '/api/v1/x' }) }),
  } as unknown as ArgumentsHost;
  new AllExceptionsFilter().catch(exception, host);
  return sent;
}

describe('one error model: domain errors mapped once at each edge', () => {
  it('the HTTP edge maps each kind to the contract status and error body', () => {
    const r = respond(new InvalidInputError('Data tidak valid / invalid input', [{ field: 'nip', problem: 'bad' }]));
    expect(r.status).toBe(400);
    expect(r.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Data tidak valid / invalid input',
      details: [{ field: 'nip', problem: 'bad' }],
      correlationId: 'cid-1',
    });
    expect(respond(new NotFoundError('Pegawai')).body).toMatchObject({
      statusCode: 404,
      message: 'Pegawai tidak ditemukan / not found',
    });
    expect(respond(new ConflictError('sudah ada')).status).toBe(409);
    expect(respond(new UnprocessableError('tidak dapat', [], { extra: { warnings: ['W'] } })).body).toMatchObject({
      statusCode: 422,
      warnings: ['W'],
    });
    const limited = respond(new TooManyRequestsError('coba lagi', 30));
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('30');
  });

  it('a RuleInputError no service put in context is a 422 naming the field, never a 500', () => {
    const r = respond(new RuleInputError('not a date', 'tmt'));
    expect(r.status).toBe(422);
    expect(r.body.details).toEqual([{ field: 'tmt', problem: 'tmt: not a date' }]);
  });

  it('the domain errors carry the texts and statuses the old HTTP factories gave', () => {
    expect(new NotFoundError('Kasus')).toMatchObject({ status: 404, message: 'Kasus tidak ditemukan / not found' });
    expect(new InvalidInputError('x', [{ field: 'a', problem: 'b' }])).toMatchObject({
      status: 400,
      details: [{ field: 'a' }],
    });
    expect(new ConflictError('c')).toMatchObject({ status: 409 });
    expect(new UnprocessableError('u', [], { extra: { warnings: [] } })).toMatchObject({
      status: 422,
      extra: { warnings: [] },
    });
  });

  it('only the HTTP edge (controllers, the exception filter, response docs) imports HTTP errors or statuses', () => {
    const src = path.resolve(__dirname, '../../../src');
    const edge = (rel: string) =>
      rel.endsWith('.controller.ts') ||
      rel === 'common/http-exception.filter.ts' ||
      rel === 'openapi/api-result.decorator.ts';
    const httpImport = /import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+'@nestjs\/common'/g;
    const offenders: string[] = [];
    for (const file of tsFiles(src)) {
      const rel = path.relative(src, file).split(path.sep).join('/');
      const text = fs.readFileSync(file, 'utf8');
      if (/from\s+'[./]*(?:common\/)?api-error'/.test(text)) offenders.push(`${rel}: api-error`);
      if (edge(rel)) continue;
      for (const m of text.matchAll(httpImport)) {
        const names = m[1].split(',').map(
          (n) =>
            n
              .trim()
              .replace(/^type\s+/, '')
              .split(/\s+as\s+/)[0],
        );
        for (const n of names) if (/Exception$|^HttpStatus$/.test(n)) offenders.push(`${rel}: ${n}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('the worker edge: final kinds and rule input errors are not retried, conflicts and the unknown are', () => {
    for (const final of [
      new NotFoundError(),
      new InvalidInputError(),
      new UnprocessableError('u'),
      new RuleInputError('r'),
    ]) {
      const mapped = asJobFailure(final);
      expect(mapped).toBeInstanceOf(UnrecoverableError);
      expect((mapped as Error).message).toBe(final.message);
    }
    const conflictErr = new ConflictError('concurrent change');
    expect(asJobFailure(conflictErr)).toBe(conflictErr);
    const io = new Error('connection reset');
    expect(asJobFailure(io)).toBe(io);
  });
});
