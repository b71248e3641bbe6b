import { defineJob } from '../jobs/job-declaration';
import { PppkContractChanged } from './pppk.events';

/** PPPK contract reviews (04 §6): on a contract change, and every 6 hours (a review falls due with the calendar). */
export const PppkContractReviewJob = defineJob({
  name: 'pppk.contract-review',
  queue: 'maintenance',
  attempts: 5,
  backoffMs: 5000,
  description:
    'PPPK contracts whose review is due (end − 6 months): one proposal per contract from the latest annual predikat; contracts without an end date reported.',
  on: [PppkContractChanged],
  repeat: { id: 'pppk-contract-review', everyMs: 6 * 60 * 60 * 1000 },
});
