import { STATUS_CODES } from 'node:http';
import type { ErrorDetail } from './domain-errors';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details: ErrorDetail[];
  correlationId: string;
  [extra: string]: unknown;
}

export function errorBody(
  statusCode: number,
  message: string,
  details: ErrorDetail[],
  correlationId: string,
  extra: Record<string, unknown> = {},
): ErrorBody {
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message, details, correlationId, ...extra };
}
