import { SetMetadata } from '@nestjs/common';
import type { JobContext } from './job-context';
import type { EventPayload, JobDeclaration, JobPayload } from './job-declaration';

export const JOB_HANDLER = 'skp:job-handler';

export interface JobHandlerMeta {
  name: string;
  transactional: boolean;
}

/**
 * Marks a provider method as the handler of one declared job (`<feature>.job.ts`). The method receives
 * (payload, context) and, unless `transactional: false`, runs inside a database transaction together with
 * the job's receipt, so a replay changes nothing. The provider belongs to its feature's module.
 */
export function JobHandler<P extends EventPayload, J extends JobDeclaration<P>>(
  job: J,
  opts: { transactional?: boolean } = {},
) {
  const mark = SetMetadata<string, JobHandlerMeta>(JOB_HANDLER, {
    name: job.name,
    transactional: opts.transactional ?? true,
  });
  return <M extends (payload: JobPayload<J>, ctx: JobContext) => Promise<unknown>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<M>,
  ): void => {
    mark(target, key, descriptor);
  };
}
