import { Injectable } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { JOB_HANDLER } from './job-handler.decorator';
import { JOBS, JobName } from './job-registry';
import type { JobContext } from './job-context';

export type HandlerFn = (payload: Record<string, unknown>, ctx: JobContext) => Promise<unknown>;
export interface DiscoveredHandler {
  name: JobName;
  transactional: boolean;
  fn: HandlerFn;
}

/** Finds every @JobHandler and checks the registry: each job exactly one handler, no strays. */
@Injectable()
export class JobHandlerDiscovery {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  discover(): Map<JobName, DiscoveredHandler> {
    const found = new Map<JobName, DiscoveredHandler>();
    const problems: string[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || wrapper.isAlias) continue;
      const proto = Object.getPrototypeOf(instance);
      for (const method of this.scanner.getAllMethodNames(proto)) {
        const meta = this.reflector.get<{ name: JobName; transactional: boolean } | undefined>(
          JOB_HANDLER,
          proto[method],
        );
        if (!meta) continue;
        if (!(meta.name in JOBS)) problems.push(`handler for unknown job "${meta.name}"`);
        else if (found.has(meta.name)) problems.push(`job "${meta.name}" has more than one handler`);
        else
          found.set(meta.name, {
            name: meta.name,
            transactional: meta.transactional,
            fn: (instance[method] as HandlerFn).bind(instance),
          });
      }
    }
    for (const name of Object.keys(JOBS) as JobName[]) {
      if (!found.has(name)) problems.push(`job "${name}" has no handler`);
    }
    if (problems.length) throw new Error(`Job registry check failed: ${problems.join('; ')}`);
    return found;
  }
}
