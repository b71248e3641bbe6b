import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCatalogue, jobCatalogue, jobsFor } from '../../../src/jobs/job-catalogue';
import { jobOptions } from '../../../src/jobs/job-declaration';

describe('job catalogue (the features’ *.events.ts and *.job.ts, found at start)', () => {
  it('routes every outbox event to the jobs its subscribers declare', () => {
    const routes = Object.fromEntries(
      [...jobCatalogue().events.keys()].map((type) => [
        type,
        jobsFor(type)
          .map((j) => j.name)
          .sort(),
      ]),
    );
    expect(routes).toEqual({
      EmployeeCreated: ['org.employee-created'],
      EmployeeEventRecorded: ['skp.apply-employee-event'],
      AllowanceRunRequested: ['allowance.run-start'],
      AllowanceRunChunkReady: ['allowance.run-chunk'],
      AllowanceMonthClosed: ['allowance.month-closed'],
      EvaluationFinalized: ['evaluation.credit-angka-kredit', 'evaluation.derive-outcomes', 'siasn.queue-evaluation'],
      AkFactsChanged: ['angka-kredit.recompute'],
      WebhookQueued: ['webhooks.deliver'],
      DisciplineCaseOpened: [],
      DisciplineDecided: [],
      DisciplineEffective: ['angka-kredit.recompute', 'discipline.apply-effects'],
      DisciplineEnded: ['angka-kredit.recompute'],
      DisciplineDeadlineMissed: [],
      AttendanceIngested: ['discipline.scan-attendance'],
      PppkContractChanged: ['pppk.contract-review'],
      PakIssued: ['siasn.queue-credit'],
      SiasnRowQueued: ['siasn.push-row'],
      SiasnPushRequested: ['siasn.push-batch'],
      SiasnImportRequested: ['siasn.import'],
    });
  });

  it('declares each job’s queue, attempts, backoff, batching and schedule', () => {
    const { jobs, repeatables } = jobCatalogue();
    expect(jobs.size).toBe(21);
    expect(jobs.get('siasn.queue-evaluation')).toMatchObject({ queue: 'pipeline', batch: 250 });
    expect(jobs.get('siasn.push-row')).toMatchObject({ queue: 'siasn', attempts: 3 });
    expect(jobs.get('evaluation.credit-angka-kredit')).toMatchObject({ queue: 'pipeline', attempts: 8, batch: 100 });
    expect(jobs.get('evaluation.derive-outcomes')).toMatchObject({ batch: 250 });
    expect(jobs.get('webhooks.deliver')).toMatchObject({ attempts: 10, backoffMs: 2000 });
    expect(jobOptions(jobs.get('kenaikan-pangkat.monthly-scan')!)).toEqual({
      attempts: 5,
      backoff: { type: 'exponential', delay: 60_000 },
      removeOnComplete: { age: 400 * 24 * 3600, count: 24 },
      removeOnFail: { age: 30 * 24 * 3600, count: 50 },
    });
    expect(jobOptions(jobs.get('org.employee-created')!)).toEqual({
      attempts: 8,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: { age: 3600, count: 1000 },
      removeOnFail: { age: 7 * 24 * 3600, count: 5000 },
    });
    expect(repeatables.map((r) => [r.id, r.job.name]).sort()).toEqual([
      ['discipline-attendance-scan', 'discipline.scan-attendance'],
      ['discipline-sweep', 'discipline.sweep'],
      ['evaluation-objection-window-expiry', 'evaluation.expire-objection-windows'],
      ['kenaikan-pangkat-monthly', 'kenaikan-pangkat.monthly-scan'],
      ['pppk-contract-review', 'pppk.contract-review'],
      ['siasn-sweep', 'siasn.sweep'],
    ]);
  });

  it('refuses a job listening to an event nobody declares, and a name declared twice', () => {
    const root = mkdtempSync(join(tmpdir(), 'catalogue-'));
    const decl = require.resolve('../../../src/jobs/job-declaration');
    mkdirSync(join(root, 'a'));
    writeFileSync(
      join(root, 'a', 'a.job.ts'),
      `import { defineEvent, defineJob } from ${JSON.stringify(decl)};
       const Ghost = defineEvent('Ghost', 'not exported, so not declared');
       export const A = defineJob({ name: 'a.one', queue: 'pipeline', attempts: 1, backoffMs: 1, description: '', on: [Ghost] });
       export const B = defineJob({ name: 'a.one', queue: 'pipeline', attempts: 1, backoffMs: 1, description: '' });`,
    );
    expect(() => buildCatalogue(root)).toThrow(
      'Job declarations: job "a.one" listens to an undeclared event "Ghost"; job "a.one" declared twice',
    );
  });
});
