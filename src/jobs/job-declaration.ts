/**
 * How a feature declares its outbox events (`<feature>.events.ts`) and its jobs (`<feature>.job.ts`).
 * Both are found at start by `jobCatalogue()` (no central list): the relay routes an event to the jobs
 * declared `on` it, the worker checks that every declared job has exactly one `@JobHandler`.
 */

export const QUEUE_NAMES = ['pipeline', 'allowance', 'maintenance', 'siasn'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

/** An event's payload: ids and small values only (it ends up in Redis); handlers re-read state. */
export type EventPayload = Record<string, string | number | boolean | null>;

export interface EventDeclaration<P extends EventPayload = EventPayload> {
  readonly kind: 'event';
  /** The outbox `event_type`, stable (stored rows and webhooks name it). */
  readonly type: string;
  readonly description: string;
  /** Type only: the payload the event carries. */
  readonly payload?: P;
}

/** Declares an outbox event of the feature that emits it. */
export function defineEvent<P extends EventPayload>(type: string, description: string): EventDeclaration<P> {
  return { kind: 'event', type, description };
}

export interface Retention {
  removeOnComplete: { age: number; count: number };
  removeOnFail: { age: number; count: number };
}

/** A job the worker schedules itself: every `everyMs`, or on a cron `pattern` in the time zone `tz`. */
export type RepeatSchedule = { id: string } & ({ everyMs: number } | { pattern: string; tz: string });

export interface JobDeclaration<P extends EventPayload = EventPayload> {
  readonly kind: 'job';
  /** Stable: deterministic job ids and stored receipts contain it. */
  readonly name: string;
  readonly queue: QueueName;
  /** Attempts in all, with exponential backoff from `backoffMs`. */
  readonly attempts: number;
  readonly backoffMs: number;
  readonly description: string;
  /** Overrides the default retention (`DEFAULT_RETENTION`). */
  readonly retention?: Retention;
  /** Outbox events that enqueue this job (one job per event, or per `batch` events). */
  readonly on: readonly EventDeclaration<P>[];
  /** The handler accepts `payload.batch`: the relay puts up to this many events of one tick in one job. */
  readonly batch?: number;
  /** The worker schedules the job itself (BullMQ job scheduler, upserted at start). */
  readonly repeat?: RepeatSchedule;
  /** Type only: the payload the handler receives. */
  readonly payload?: P;
}

/** Declares a job of the feature that handles it. */
export function defineJob<P extends EventPayload = EventPayload>(
  spec: Omit<JobDeclaration<P>, 'kind' | 'on' | 'payload'> & { on?: readonly EventDeclaration<P>[] },
): JobDeclaration<P> {
  return { ...spec, kind: 'job', on: spec.on ?? [] };
}

/** What a handler of the job receives: the event payload, or a batch of them with their outbox ids. */
export type JobPayload<J> =
  J extends JobDeclaration<infer P>
    ? J['batch'] extends number
      ? P | { batch: (P & { _outboxId: string })[] }
      : P
    : never;

/** Retention: keep enough history to debug, bounded so Redis memory stays flat. */
export const DEFAULT_RETENTION: Retention = {
  removeOnComplete: { age: 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 5000 },
};

/** The BullMQ options of a job: attempts, exponential backoff, retention. */
export function jobOptions(job: JobDeclaration) {
  return {
    attempts: job.attempts,
    backoff: { type: 'exponential' as const, delay: job.backoffMs },
    ...(job.retention ?? DEFAULT_RETENTION),
  };
}
