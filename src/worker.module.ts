import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { CoreModule } from './core.module';
import { FeaturesModule } from './features.module';
import { JobHandlerDiscovery } from './jobs/job-handler-discovery';
import { JobReceiptsRepository } from './jobs/job-receipts.repository';
import { WorkerRuntime } from './jobs/worker-runtime';
import { OutboxRelay } from './outbox/outbox-relay';

/**
 * The worker process: BullMQ workers, the outbox relay, and the features (each registers its own
 * `@JobHandler` providers; the jobs are declared in their `*.job.ts` files and found at start).
 */
@Module({
  imports: [CoreModule, DiscoveryModule, FeaturesModule],
  providers: [JobHandlerDiscovery, JobReceiptsRepository, WorkerRuntime, OutboxRelay],
})
export class WorkerModule {}
