import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { CoreModule } from './core.module';
import { FEATURE_MODULES } from './feature-modules';
import { JOB_HANDLER_PROVIDERS } from './job-handlers';
import { JobHandlerDiscovery } from './jobs/job-handler-discovery';
import { JobReceiptsRepository } from './jobs/job-receipts.repository';
import { WorkerRuntime } from './jobs/worker-runtime';
import { OutboxRelay } from './outbox/outbox-relay';

/** The worker process: BullMQ workers, the outbox relay and every job handler. */
@Module({
  imports: [CoreModule, DiscoveryModule, ...FEATURE_MODULES],
  providers: [JobHandlerDiscovery, JobReceiptsRepository, WorkerRuntime, OutboxRelay, ...JOB_HANDLER_PROVIDERS],
})
export class WorkerModule {}
