import { defineJob } from '../jobs/job-declaration';
import { AllowanceRunChunkReady, AllowanceRunRequested } from './allowance.events';

export const AllowanceRunStartJob = defineJob({
  name: 'allowance.run-start',
  queue: 'allowance',
  attempts: 8,
  backoffMs: 1000,
  description: 'Split a monthly allowance run into chunks of employees (one chunk job each).',
  on: [AllowanceRunRequested],
});

export const AllowanceRunChunkJob = defineJob({
  name: 'allowance.run-chunk',
  queue: 'allowance',
  attempts: 8,
  backoffMs: 1000,
  description: 'Compute and write the allowance lines of one chunk (set-based reads, one multi-row upsert).',
  on: [AllowanceRunChunkReady],
});
