import { defineJob } from '../jobs/job-declaration';

/**
 * The kenaikan pangkat calendar (04 §3): the 1st of every month, 01:00 Jakarta, so every proposal window
 * (16th of M−2 to 15th of M−1, 04 §3.2) contains exactly one run.
 */
export const KpMonthlyScanJob = defineJob({
  name: 'kenaikan-pangkat.monthly-scan',
  queue: 'maintenance',
  attempts: 5,
  backoffMs: 60_000,
  // A month's result is small and reproducible: keep a year of runs to audit, fewer failures for longer.
  retention: {
    removeOnComplete: { age: 400 * 24 * 3600, count: 24 },
    removeOnFail: { age: 30 * 24 * 3600, count: 50 },
  },
  description:
    'Monthly: KENAIKAN_PANGKAT_ELIGIBLE with the TMT, once per person and TMT, for every PNS whose KP window is open (JF from the credit ledger, others by kp.regular; sanctions move the TMT).',
  repeat: { id: 'kenaikan-pangkat-monthly', pattern: '0 1 1 * *', tz: 'Asia/Jakarta' },
});
