/**
 * The one error model. Services, repositories and job handlers throw these; nothing inside knows about
 * HTTP or BullMQ. Each error has a kind (what went wrong, for the caller) and a stable machine `code`.
 * They are translated once at each edge:
 * - HTTP: `AllExceptionsFilter` maps the kind to the contract's status and error body (`CONTRACT_STATUS`);
 * - worker: `WorkerRuntime` maps the kind to retry / no retry (`isPermanentFailure`).
 */

/** One problem with one input field, as the contract's error body lists it. */
export interface ErrorDetail {
  field: string;
  problem: string;
}

export type ErrorKind =
  'INVALID_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'UNPROCESSABLE' | 'TOO_MANY_REQUESTS';

/** The HTTP contract's status for each kind (the exception filter's single translation table). */
export const CONTRACT_STATUS: Readonly<Record<ErrorKind, number>> = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNPROCESSABLE: 422,
  TOO_MANY_REQUESTS: 429,
};

/** Kinds a job may succeed on later (a concurrent change settles, a limit resets); every other kind is final. */
const RETRYABLE_KINDS: ReadonlySet<ErrorKind> = new Set(['CONFLICT', 'TOO_MANY_REQUESTS']);

export interface DomainErrorOptions {
  /** Stable machine code (defaults to the kind), e.g. `EVALUATION_NOT_EDITABLE`. */
  code?: string;
  details?: ErrorDetail[];
  /** Further fields of the contract's error body (e.g. `retryAfterSeconds`, a list of warnings). */
  extra?: Record<string, unknown>;
}

/** Base of every expected failure. The message is for people (Bahasa Indonesia / English). */
export abstract class DomainError extends Error {
  abstract readonly kind: ErrorKind;
  readonly code: string | undefined;
  readonly details: ErrorDetail[];
  readonly extra: Record<string, unknown>;

  protected constructor(message: string, opts: DomainErrorOptions = {}) {
    super(message);
    this.name = new.target.name;
    this.code = opts.code;
    this.details = opts.details ?? [];
    this.extra = opts.extra ?? {};
  }

  /** The contract's status for this error (read by the HTTP edge and by tests of boundary parsers). */
  get status(): number {
    return CONTRACT_STATUS[this.kind];
  }

  /** Whether a job that failed with this error may succeed when retried. */
  get retryable(): boolean {
    return RETRYABLE_KINDS.has(this.kind);
  }
}

/** Input that breaks a rule of its own (format, range, a required field): 400 with per-field details. */
export class InvalidInputError extends DomainError {
  readonly kind = 'INVALID_INPUT' as const;
  constructor(
    message = 'Data tidak valid / invalid input',
    details: ErrorDetail[] = [],
    opts: DomainErrorOptions = {},
  ) {
    super(message, { ...opts, details });
  }
}

/** Not authenticated (no or a wrong credential): 401. */
export class UnauthenticatedError extends DomainError {
  readonly kind = 'UNAUTHENTICATED' as const;
  constructor(message = 'Perlu autentikasi / authentication required', details: ErrorDetail[] = []) {
    super(message, { details });
  }
}

/** Authenticated but not allowed (and allowed to know the thing exists): 403. Hidden things are NotFound. */
export class ForbiddenError extends DomainError {
  readonly kind = 'FORBIDDEN' as const;
  constructor(message = 'Akses ditolak / forbidden', opts: DomainErrorOptions = {}) {
    super(message, opts);
  }
}

/** Absent, or present but not visible to the caller: 404. */
export class NotFoundError extends DomainError {
  readonly kind = 'NOT_FOUND' as const;
  constructor(what = 'Resource', opts: DomainErrorOptions = {}) {
    super(`${what} tidak ditemukan / not found`, opts);
  }
}

/** The state of the thing does not allow this now (wrong status, already exists, a concurrent change): 409. */
export class ConflictError extends DomainError {
  readonly kind = 'CONFLICT' as const;
  constructor(message: string, details: ErrorDetail[] = [], opts: DomainErrorOptions = {}) {
    super(message, { ...opts, details });
  }
}

/** Well-formed input the rules cannot accept (facts contradict a regulation, a missing prerequisite): 422. */
export class UnprocessableError extends DomainError {
  readonly kind = 'UNPROCESSABLE' as const;
  constructor(message: string, details: ErrorDetail[] = [], opts: DomainErrorOptions = {}) {
    super(message, { ...opts, details });
  }
}

/** A limit was reached; `retryAfterSeconds` tells when to try again: 429 with Retry-After. */
export class TooManyRequestsError extends DomainError {
  readonly kind = 'TOO_MANY_REQUESTS' as const;
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message, { extra: { retryAfterSeconds } });
  }
}
