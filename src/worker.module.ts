import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ActionPlansModule } from './action-plans/action-plans.module';
import { AgencyModule } from './agency/agency.module';
import { AllowanceModule } from './allowance/allowance.module';
import { AngkaKreditModule } from './angka-kredit/angka-kredit.module';
import { DisciplineModule } from './discipline/discipline.module';
import { EvaluationBatchModule } from './evaluation/batch/evaluation-batch.module';
import { EvaluationModule } from './evaluation/evaluation.module';
import { EvidenceModule } from './evaluation/evidence/evidence.module';
import { KenaikanPangkatModule } from './kenaikan-pangkat/kenaikan-pangkat.module';
import { MeModule } from './me/me.module';
import { OrgModule } from './org/org.module';
import { OutcomesModule } from './outcomes/outcomes.module';
import { PppkModule } from './pppk/pppk.module';
import { SiasnModule } from './siasn/siasn.module';
import { SkpModule } from './skp/skp.module';
import { CoreModule } from './core.module';
import { JobHandlerDiscovery } from './jobs/job-handler-discovery';
import { JobReceiptsRepository } from './jobs/job-receipts.repository';
import { WorkerRuntime } from './jobs/worker-runtime';
import { OutboxRelay } from './outbox/outbox-relay';

/**
 * The worker process: BullMQ workers, the outbox relay, and the features (each registers its own
 * `@JobHandler` providers; the jobs are declared in their `*.job.ts` files and found at start).
 */
@Module({
  imports: [
    CoreModule,
    DiscoveryModule,
    MeModule,
    AgencyModule,
    OrgModule,
    SkpModule,
    ActionPlansModule,
    EvaluationModule,
    EvaluationBatchModule,
    EvidenceModule,
    AngkaKreditModule,
    KenaikanPangkatModule,
    OutcomesModule,
    AllowanceModule,
    DisciplineModule,
    PppkModule,
    SiasnModule,
  ],
  providers: [JobHandlerDiscovery, JobReceiptsRepository, WorkerRuntime, OutboxRelay],
})
export class WorkerModule {}
