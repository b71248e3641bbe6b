import type { JobSpec } from '../jobs/job-registry';

/** The SIASN import job (spec 04 §8.5), merged into the one registry (`src/jobs/job-registry.ts`). */
export const SIASN_IMPORT_JOBS = {
  'siasn.import': {
    queue: 'maintenance',
    attempts: 3,
    backoffMs: 30_000,
    description:
      'Read what SIASN holds (rw-skp22 / rw-kinerjaperiodik / rw-angkakredit) for each person of an import and store it for the reconciliation; resumes after the people already read.',
  },
} as const satisfies Record<string, JobSpec>;

export const SIASN_IMPORT_EVENT_ROUTES: Record<string, (keyof typeof SIASN_IMPORT_JOBS)[]> = {
  SiasnImportRequested: ['siasn.import'],
};
