import { defineEvent } from '../jobs/job-declaration';

/** A contract recorded or extended: review it now rather than at the next scheduled scan. */
export const PppkContractChanged = defineEvent<{ employeeId: string; contractId: string }>(
  'PppkContractChanged',
  'A PPPK contract was recorded or extended.',
);
