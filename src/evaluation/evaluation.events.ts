import { defineEvent } from '../jobs/job-declaration';

export const EvaluationFinalized = defineEvent<{ evaluationId: string; revision: number }>(
  'EvaluationFinalized',
  'An evaluation became FINAL (accepted, decided on objection, or its window expired); `revision` counts re-openings.',
);
