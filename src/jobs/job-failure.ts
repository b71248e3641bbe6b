import { UnrecoverableError } from 'bullmq';
import { DomainError } from '../common/domain-errors';
import { RuleInputError } from '../rules/common/errors';

/**
 * The worker's one translation of a handler's error to retry / no retry. A domain error of a final
 * kind (invalid input, not found, unprocessable, forbidden …) and a RuleInputError fail the job at once
 * (BullMQ's UnrecoverableError, the job stays visible as failed); anything else (a dropped connection,
 * a serialization failure, a conflict) is thrown as it is and retried with the job's backoff.
 */
export function asJobFailure(err: unknown): unknown {
  if (err instanceof UnrecoverableError || !isPermanentFailure(err)) return err;
  const failure = new UnrecoverableError(err.message);
  failure.cause = err;
  return failure;
}

/** Whether retrying the job cannot help (for handlers that act on their last attempt themselves). */
export function isPermanentFailure(err: unknown): err is Error {
  if (err instanceof UnrecoverableError || err instanceof RuleInputError) return true;
  if (err instanceof DomainError) return !err.retryable;
  return false;
}
