/** The API's error shape (spec 00 "Errors"): every non-2xx body. */
export interface ErrorDetail {
  field: string;
  problem: string;
}
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details: ErrorDetail[];
  correlationId: string;
  [extra: string]: unknown;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(body.message);
  }
  get details(): ErrorDetail[] {
    return this.body.details ?? [];
  }
  get correlationId(): string {
    return this.body.correlationId;
  }
}

export function toApiError(status: number, body: unknown, correlationId: string | null): ApiError {
  const b = (body && typeof body === 'object' ? body : {}) as Partial<ErrorBody>;
  return new ApiError(status, {
    ...b,
    statusCode: b.statusCode ?? status,
    error: b.error ?? String(status),
    message: b.message ?? 'Terjadi kesalahan',
    details: Array.isArray(b.details) ? b.details : [],
    correlationId: b.correlationId ?? correlationId ?? '–',
  });
}

/** API messages are "Bahasa Indonesia / English": people read the first half. */
export function humanMessage(message: string): string {
  const i = message.indexOf(' / ');
  return i > 0 ? message.slice(0, i) : message;
}
