import { SetMetadata } from '@nestjs/common';
import type { JobName } from './job-registry';

export const JOB_HANDLER = 'skp:job-handler';

/**
 * Marks a provider method as the handler of one job. The method receives (payload, context) and
 * runs inside a database transaction together with the job's receipt, so a replay changes nothing.
 */
export const JobHandler = (name: JobName, opts: { transactional?: boolean } = {}) =>
  SetMetadata(JOB_HANDLER, { name, transactional: opts.transactional ?? true });
