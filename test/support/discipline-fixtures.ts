import { randomUUID } from 'node:crypto';
import { declaredJob } from '../../src/jobs/job-catalogue';
import { jobOptions } from '../../src/jobs/job-declaration';
import { QueuesService } from '../../src/jobs/queues.service';
import { eventually } from './eventually';
import type { TestApp } from './test-app';

/** Helpers for the discipline / netralitas tests (issue 8). */

export const casesPath = '/api/v1/discipline/cases';

/** Enqueues a job directly (as a replay or a scheduler tick would) and waits until the worker processed it. */
export async function runJob(t: TestApp, name: string, data: Record<string, unknown> = {}): Promise<string> {
  const queue = t.app.get(QueuesService).queue(declaredJob(name).queue);
  const jobId = `test-${name.replace(/\./g, '_')}-${randomUUID()}`;
  await queue.add(name, data, { ...jobOptions(declaredJob(name)), jobId });
  await eventually(
    async () => (await t.dataSource.query(`SELECT 1 FROM job_receipts WHERE job_id = $1`, [jobId])).length > 0,
    20000,
  );
  return jobId;
}

export async function caseOf(t: TestApp, id: string, token?: string) {
  return t.request('GET', `${casesPath}/${id}`, { token: token ?? (await t.adminToken()) });
}

export async function step(
  t: TestApp,
  id: string,
  action: 'verify' | 'recommendation' | 'decision' | 'delivery' | 'dismiss',
  body: unknown,
  token?: string,
) {
  return t.request('POST', `${casesPath}/${id}/${action}`, { token: token ?? (await t.adminToken()), body });
}
