/**
 * The one registry of queues, jobs and which outbox events feed which jobs.
 * Every job name must have exactly one @JobHandler (checked when the worker starts).
 */
import { KP_JOBS, KP_REPEATABLE_JOBS } from '../kenaikan-pangkat/kenaikan-pangkat.jobs';
import { PPPK_EVENT_ROUTES, PPPK_JOBS, PPPK_REPEATABLE } from '../pppk/pppk.jobs';
import { SIASN_EVENT_ROUTES, SIASN_JOBS, SIASN_REPEATABLE } from '../siasn/siasn.jobs';
import { SIASN_IMPORT_EVENT_ROUTES, SIASN_IMPORT_JOBS } from '../siasn/siasn-import.jobs';

export const QUEUE_NAMES = ['pipeline', 'allowance', 'maintenance', 'siasn'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

export interface JobSpec {
  queue: QueueName;
  attempts: number;
  backoffMs: number;
  description: string;
  /** Overrides the default RETENTION for this job. */
  retention?: {
    removeOnComplete: { age: number; count: number };
    removeOnFail: { age: number; count: number };
  };
}

const standard = { attempts: 8, backoffMs: 1000 };

export const JOBS = {
  'org.employee-created': {
    queue: 'pipeline',
    ...standard,
    description: 'Fan-out point for a new employee (webhooks).',
  },
  'skp.apply-employee-event': {
    queue: 'pipeline',
    ...standard,
    description: 'Close the SKP in force when an employee event (mutasi, pensiun, Plt end …) ends its period.',
  },
  'evaluation.expire-objection-windows': {
    queue: 'maintenance',
    attempts: 3,
    backoffMs: 5000,
    description: 'Finalise ISSUED evaluations whose objection window has passed.',
  },
  'allowance.run-start': {
    queue: 'allowance',
    ...standard,
    description: 'Split a monthly allowance run into chunks of employees (one chunk job each).',
  },
  'allowance.run-chunk': {
    queue: 'allowance',
    ...standard,
    description: 'Compute and write the allowance lines of one chunk (set-based reads, one multi-row upsert).',
  },
  'evaluation.credit-angka-kredit': {
    queue: 'pipeline',
    ...standard,
    description: 'Re-compute the JF angka kredit ledger after a FINAL evaluation.',
  },
  'evaluation.derive-outcomes': {
    queue: 'pipeline',
    ...standard,
    description: 'Derive reward/punishment outcomes from the FINAL predicate history.',
  },
  'angka-kredit.recompute': {
    queue: 'pipeline',
    ...standard,
    description: 'Re-compute the ledger after an opening or education entry.',
  },
  'allowance.month-closed': {
    queue: 'pipeline',
    ...standard,
    description: 'Derive ALLOWANCE_CUT outcomes for the lines of a closed month.',
  },
  'webhooks.deliver': {
    queue: 'pipeline',
    attempts: 10,
    backoffMs: 2000,
    description: 'Deliver one signed webhook payload (retried with backoff until the receiver answers 2xx).',
  },
  'discipline.apply-effects': {
    queue: 'pipeline',
    ...standard,
    description: 'A discipline decision took effect: the sanction row allowance runs read and its outcomes, once.',
  },
  'discipline.sweep': {
    queue: 'maintenance',
    attempts: 3,
    backoffMs: 5000,
    description:
      'Discipline cases: effective dates reached, sanctions ended, overdue steps flagged, escalations recorded.',
  },
  'discipline.scan-attendance': {
    queue: 'maintenance',
    attempts: 3,
    backoffMs: 5000,
    description: 'PP 94 attendance ladder over newly ingested attendance: crossing a rung opens one ATTENDANCE case.',
  },
  ...PPPK_JOBS,
  ...KP_JOBS,
  ...SIASN_JOBS,
  ...SIASN_IMPORT_JOBS,
} as const satisfies Record<string, JobSpec>;

export type JobName = keyof typeof JOBS;

/** Outbox event type → jobs it triggers. */
export const EVENT_ROUTES: Record<string, JobName[]> = {
  EmployeeCreated: ['org.employee-created'],
  EmployeeEventRecorded: ['skp.apply-employee-event'],
  AllowanceRunRequested: ['allowance.run-start'],
  AllowanceRunChunkReady: ['allowance.run-chunk'],
  AllowanceMonthClosed: ['allowance.month-closed'],
  EvaluationFinalized: ['evaluation.credit-angka-kredit', 'evaluation.derive-outcomes', 'siasn.queue-evaluation'],
  AkFactsChanged: ['angka-kredit.recompute'],
  WebhookQueued: ['webhooks.deliver'],
  DisciplineCaseOpened: [],
  DisciplineDecided: [],
  DisciplineEffective: ['discipline.apply-effects', 'angka-kredit.recompute'],
  DisciplineEnded: ['angka-kredit.recompute'],
  DisciplineDeadlineMissed: [],
  AttendanceIngested: ['discipline.scan-attendance'],
  ...PPPK_EVENT_ROUTES,
  ...SIASN_EVENT_ROUTES,
  ...SIASN_IMPORT_EVENT_ROUTES,
};

/** Retention: keep enough history to debug, bounded so Redis memory stays flat. */
export const RETENTION = {
  removeOnComplete: { age: 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 5000 },
} as const;

export function jobOptions(name: JobName) {
  const spec: JobSpec = JOBS[name];
  return {
    attempts: spec.attempts,
    backoff: { type: 'exponential' as const, delay: spec.backoffMs },
    ...(spec.retention ?? RETENTION),
  };
}

/** A job the worker schedules itself: every `everyMs`, or on a cron `pattern` in the time zone `tz`. */
export type RepeatableJob = { id: string; job: JobName } & ({ everyMs: number } | { pattern: string; tz: string });

/** Jobs the worker schedules itself (BullMQ job schedulers, upserted at start). */
export const REPEATABLE_JOBS: RepeatableJob[] = [
  { id: 'evaluation-objection-window-expiry', job: 'evaluation.expire-objection-windows', everyMs: 10 * 60 * 1000 },
  { id: 'discipline-sweep', job: 'discipline.sweep', everyMs: 10 * 60 * 1000 },
  { id: 'discipline-attendance-scan', job: 'discipline.scan-attendance', everyMs: 5 * 60 * 1000 },
  ...PPPK_REPEATABLE,
  ...KP_REPEATABLE_JOBS,
  ...SIASN_REPEATABLE,
];
