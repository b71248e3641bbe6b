import type { JobSpec } from '../jobs/job-registry';

/** Jobs of the SIASN push (spec 04 §8.5), merged into the one registry (`src/jobs/job-registry.ts`). */
export const SIASN_JOBS = {
  'siasn.queue-evaluation': {
    queue: 'pipeline',
    attempts: 8,
    backoffMs: 1000,
    description: 'A FINAL annual/periodic evaluation: write its SIASN outbox row (skp22 or kinerja periodik), once.',
  },
  'siasn.queue-credit': {
    queue: 'pipeline',
    attempts: 8,
    backoffMs: 1000,
    description: 'A PAK was issued: write a SIASN outbox row per angka kredit entry of that year, once.',
  },
  'siasn.push-batch': {
    queue: 'siasn',
    attempts: 5,
    backoffMs: 5000,
    description: 'POST /siasn/push: build the ready payloads of the scope and queue the new or changed ones.',
  },
  'siasn.push-row': {
    queue: 'siasn',
    attempts: 3,
    backoffMs: 5000,
    description:
      'Send one SIASN outbox row: read SIASN first, save when it does not hold the row yet; SIASN_RETRY_* schedule.',
    // Gone once done, so the sweep can queue the same (row, attempt) again if a row is still waiting.
    retention: { removeOnComplete: { age: 0, count: 0 }, removeOnFail: { age: 7 * 24 * 3600, count: 5000 } },
  },
  'siasn.sweep': {
    queue: 'maintenance',
    attempts: 3,
    backoffMs: 5000,
    description: 'Queue SIASN rows that are due and have no job (enabled later, a lost retry, a worker that died).',
  },
} as const satisfies Record<string, JobSpec>;

/** New rows are sent at once; a push request builds its batch; a PAK issued queues its entries. */
export const SIASN_EVENT_ROUTES: Record<string, (keyof typeof SIASN_JOBS)[]> = {
  SiasnRowQueued: ['siasn.push-row'],
  SiasnPushRequested: ['siasn.push-batch'],
  PakIssued: ['siasn.queue-credit'],
};

export const SIASN_REPEATABLE: { id: string; job: keyof typeof SIASN_JOBS; everyMs: number }[] = [
  { id: 'siasn-sweep', job: 'siasn.sweep', everyMs: 60 * 1000 },
];
