import { defineJob } from '../jobs/job-declaration';
import { EmployeeEventRecorded } from '../org/org.events';

export const ApplyEmployeeEventJob = defineJob({
  name: 'skp.apply-employee-event',
  queue: 'pipeline',
  attempts: 8,
  backoffMs: 1000,
  description: 'Close the SKP in force when an employee event (mutasi, pensiun, Plt end …) ends its period.',
  on: [EmployeeEventRecorded],
});
