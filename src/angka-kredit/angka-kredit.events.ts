import { defineEvent } from '../jobs/job-declaration';

export const AkFactsChanged = defineEvent<{ employeeId: string; cause: string }>(
  'AkFactsChanged',
  'An angka kredit fact changed (an opening, a degree, a batch item to retry alone).',
);
