import { DisciplineEffective, DisciplineEnded } from '../discipline/discipline.events';
import { EvaluationFinalized } from '../evaluation/evaluation.events';
import { defineJob } from '../jobs/job-declaration';
import { AkFactsChanged } from './angka-kredit.events';

/** Keeps its historical name (job ids and receipts contain it); handled by the angka kredit feature. */
export const CreditAngkaKreditJob = defineJob({
  name: 'evaluation.credit-angka-kredit',
  queue: 'pipeline',
  attempts: 8,
  backoffMs: 1000,
  description: 'Re-compute the JF angka kredit ledger after a FINAL evaluation.',
  on: [EvaluationFinalized],
  // A year-end close of 100,000 evaluations is a few hundred jobs (one transaction each), not 100,000.
  batch: 100,
});

export const RecomputeAngkaKreditJob = defineJob({
  name: 'angka-kredit.recompute',
  queue: 'pipeline',
  attempts: 8,
  backoffMs: 1000,
  description: 'Re-compute the ledger after an opening or education entry.',
  on: [AkFactsChanged, DisciplineEffective, DisciplineEnded],
});
