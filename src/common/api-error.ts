import { HttpException, HttpStatus } from '@nestjs/common';
import {
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  UnprocessableError,
  type ErrorDetail,
} from './domain-errors';

export type { ErrorDetail } from './domain-errors';

/**
 * An HTTP error in the contract's shape, for the HTTP edge only (pipes, guards, the queue board).
 * Services and handlers throw the domain errors of `./domain-errors` instead.
 */
export class ApiError extends HttpException {
  constructor(status: HttpStatus, message: string, details: ErrorDetail[] = [], extra: Record<string, unknown> = {}) {
    super({ message, details, ...extra }, status);
  }
}

// Factories kept while features move to `throw new NotFoundError(…)` etc.; they return the domain errors.
export const notFound = (what = 'Resource') => new NotFoundError(what);
export const conflict = (message: string, details: ErrorDetail[] = []) => new ConflictError(message, details);
export const unprocessable = (message: string, details: ErrorDetail[] = [], extra: Record<string, unknown> = {}) =>
  new UnprocessableError(message, details, { extra });
export const badRequest = (message: string, details: ErrorDetail[] = []) => new InvalidInputError(message, details);
export const forbidden = (message = 'Akses ditolak / forbidden') => new ForbiddenError(message);
