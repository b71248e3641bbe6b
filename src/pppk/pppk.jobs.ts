import type { JobSpec } from '../jobs/job-registry';

/** Jobs of the PPPK feature (04 §6), merged into the one registry (`src/jobs/job-registry.ts`). */
export const PPPK_JOBS = {
  'pppk.contract-review': {
    queue: 'maintenance',
    attempts: 5,
    backoffMs: 5000,
    description:
      'PPPK contracts whose review is due (end − 6 months): one proposal per contract from the latest annual predikat; contracts without an end date reported.',
  },
} as const satisfies Record<string, JobSpec>;

/** A contract recorded or extended: review it now rather than at the next scheduled scan. */
export const PPPK_EVENT_ROUTES: Record<string, (keyof typeof PPPK_JOBS)[]> = {
  PppkContractChanged: ['pppk.contract-review'],
};

/** Scan every 6 hours: a review falls due with the calendar, not with an event. */
export const PPPK_REPEATABLE: { id: string; job: keyof typeof PPPK_JOBS; everyMs: number }[] = [
  { id: 'pppk-contract-review', job: 'pppk.contract-review', everyMs: 6 * 60 * 60 * 1000 },
];
