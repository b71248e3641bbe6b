import { PakIssued } from '../agency/agency.events';
import { EvaluationFinalized } from '../evaluation/evaluation.events';
import { defineJob } from '../jobs/job-declaration';
import { SiasnImportRequested, SiasnPushRequested, SiasnRowQueued } from './siasn.events';

/** Jobs of the SIASN push (spec 04 §8.5). */
export const SiasnQueueEvaluationJob = defineJob({
  name: 'siasn.queue-evaluation',
  queue: 'pipeline',
  attempts: 8,
  backoffMs: 1000,
  description: 'A FINAL annual/periodic evaluation: write its SIASN outbox row (skp22 or kinerja periodik), once.',
  on: [EvaluationFinalized],
  batch: 250,
});

export const SiasnQueueCreditJob = defineJob({
  name: 'siasn.queue-credit',
  queue: 'pipeline',
  attempts: 8,
  backoffMs: 1000,
  description: 'A PAK was issued: write a SIASN outbox row per angka kredit entry of that year, once.',
  on: [PakIssued],
});

export const SiasnPushBatchJob = defineJob({
  name: 'siasn.push-batch',
  queue: 'siasn',
  attempts: 5,
  backoffMs: 5000,
  description: 'POST /siasn/push: build the ready payloads of the scope and queue the new or changed ones.',
  on: [SiasnPushRequested],
});

export const SiasnPushRowJob = defineJob({
  name: 'siasn.push-row',
  queue: 'siasn',
  attempts: 3,
  backoffMs: 5000,
  description:
    'Send one SIASN outbox row: read SIASN first, save when it does not hold the row yet; SIASN_RETRY_* schedule.',
  on: [SiasnRowQueued],
  // Gone once done, so the sweep can queue the same (row, attempt) again if a row is still waiting.
  retention: { removeOnComplete: { age: 0, count: 0 }, removeOnFail: { age: 7 * 24 * 3600, count: 5000 } },
});

export const SiasnSweepJob = defineJob({
  name: 'siasn.sweep',
  queue: 'maintenance',
  attempts: 3,
  backoffMs: 5000,
  description: 'Queue SIASN rows that are due and have no job (enabled later, a lost retry, a worker that died).',
  repeat: { id: 'siasn-sweep', everyMs: 60 * 1000 },
});

export const SiasnImportJob = defineJob({
  name: 'siasn.import',
  queue: 'maintenance',
  attempts: 3,
  backoffMs: 30_000,
  description:
    'Read what SIASN holds (rw-skp22 / rw-kinerjaperiodik / rw-angkakredit) for each person of an import and store it for the reconciliation; resumes after the people already read.',
  on: [SiasnImportRequested],
});
