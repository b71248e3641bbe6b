import { defineJob } from '../jobs/job-declaration';

export const ExpireObjectionWindowsJob = defineJob({
  name: 'evaluation.expire-objection-windows',
  queue: 'maintenance',
  attempts: 3,
  backoffMs: 5000,
  description: 'Finalise ISSUED evaluations whose objection window has passed.',
  repeat: { id: 'evaluation-objection-window-expiry', everyMs: 10 * 60 * 1000 },
});
