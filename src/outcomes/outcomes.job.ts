import { AllowanceMonthClosed } from '../allowance/allowance.events';
import { EvaluationFinalized } from '../evaluation/evaluation.events';
import { defineJob } from '../jobs/job-declaration';

/** Keeps its historical name (job ids and receipts contain it); handled by the outcomes feature. */
export const DeriveEvaluationOutcomesJob = defineJob({
  name: 'evaluation.derive-outcomes',
  queue: 'pipeline',
  attempts: 8,
  backoffMs: 1000,
  description: 'Derive reward/punishment outcomes from the FINAL predicate history.',
  on: [EvaluationFinalized],
  batch: 250,
});

export const AllowanceMonthClosedJob = defineJob({
  name: 'allowance.month-closed',
  queue: 'pipeline',
  attempts: 8,
  backoffMs: 1000,
  description: 'Derive ALLOWANCE_CUT outcomes for the lines of a closed month.',
  on: [AllowanceMonthClosed],
});
