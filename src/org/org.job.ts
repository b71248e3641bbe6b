import { defineJob } from '../jobs/job-declaration';
import { EmployeeCreated } from './org.events';

export const EmployeeCreatedJob = defineJob({
  name: 'org.employee-created',
  queue: 'pipeline',
  attempts: 8,
  backoffMs: 1000,
  description: 'Fan-out point for a new employee (webhooks).',
  on: [EmployeeCreated],
});
