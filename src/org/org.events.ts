import { defineEvent } from '../jobs/job-declaration';

export const EmployeeCreated = defineEvent<{ employeeId: string }>(
  'EmployeeCreated',
  'An employee was created (by hand or by an import).',
);

export const EmployeeEventRecorded = defineEvent<{ eventId: string }>(
  'EmployeeEventRecorded',
  'An employment event (mutasi, pensiun, Plt end …) was recorded.',
);
