import { Injectable } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { jobCatalogue } from './job-catalogue';
import type { JobContext } from './job-context';
import { JOB_HANDLER, type JobHandlerMeta } from './job-handler.decorator';

export type HandlerFn = (payload: Record<string, unknown>, ctx: JobContext) => Promise<unknown>;
export interface DiscoveredHandler {
  name: string;
  transactional: boolean;
  fn: HandlerFn;
}

/** Finds every @JobHandler and checks the declarations: each job exactly one handler, no strays. */
@Injectable()
export class JobHandlerDiscovery {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  discover(): Map<string, DiscoveredHandler> {
    const declared = jobCatalogue().jobs;
    const found = new Map<string, DiscoveredHandler>();
    const problems: string[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || wrapper.isAlias) continue;
      const proto = Object.getPrototypeOf(instance) as Record<string, unknown>;
      for (const method of this.scanner.getAllMethodNames(proto)) {
        const meta = this.reflector.get<JobHandlerMeta | undefined>(JOB_HANDLER, proto[method] as () => unknown);
        if (!meta) continue;
        if (!declared.has(meta.name)) problems.push(`handler for undeclared job "${meta.name}"`);
        else if (found.has(meta.name)) problems.push(`job "${meta.name}" has more than one handler`);
        else
          found.set(meta.name, {
            name: meta.name,
            transactional: meta.transactional,
            fn: (instance[method] as HandlerFn).bind(instance),
          });
      }
    }
    for (const name of declared.keys()) {
      if (!found.has(name)) problems.push(`job "${name}" has no handler`);
    }
    if (problems.length) throw new Error(`Job registry check failed: ${problems.join('; ')}`);
    return found;
  }
}
