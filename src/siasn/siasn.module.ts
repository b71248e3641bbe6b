import { Module } from '@nestjs/common';
import { AgencyModule } from '../agency/agency.module';
import { AngkaKreditModule } from '../angka-kredit/angka-kredit.module';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { SiasnClient } from './siasn-client';
import { SiasnIdentityController } from './siasn-identity.controller';
import { SiasnIdentityRepository } from './siasn-identity.repository';
import { SiasnIdentityService } from './siasn-identity.service';
import { SiasnImportRepository } from './siasn-import.repository';
import { SiasnImportService } from './siasn-import.service';
import { SiasnOutboxRepository } from './siasn-outbox.repository';
import { SiasnOutboxWriter } from './siasn-outbox-writer.service';
import { SiasnPushBatchService } from './siasn-push-batch.service';
import { SiasnPushController } from './siasn-push.controller';
import { SiasnImportHandler } from './siasn-import.handler';
import { SiasnPushHandler } from './siasn-push.handler';
import { SiasnQueueHandler } from './siasn-queue.handler';
import { SiasnPushRepository } from './siasn-push.repository';
import { SiasnSender } from './siasn-sender.service';
import { SiasnDocuments } from './siasn-documents.service';
import { SiasnPayloadsService } from './siasn-payloads.service';
import { SiasnReadController } from './siasn-read.controller';
import { SiasnReadService } from './siasn-read.service';
import { SiasnReconciliationController } from './siasn-reconciliation.controller';
import { SiasnReconciliationService } from './siasn-reconciliation.service';
import { SiasnSettings } from './siasn-settings';
import { SiasnStatusService } from './siasn-status.service';

/** SIASN exchange (spec 04 §8): identity mapping, ready payloads, push outbox, reconciliation. */
@Module({
  imports: [AgencyModule, EvaluationModule, AngkaKreditModule],
  controllers: [SiasnReadController, SiasnIdentityController, SiasnPushController, SiasnReconciliationController],
  providers: [
    SiasnSettings,
    SiasnClient,
    SiasnIdentityRepository,
    SiasnIdentityService,
    SiasnOutboxRepository,
    SiasnPayloadsService,
    SiasnReadService,
    SiasnPushRepository,
    SiasnOutboxWriter,
    SiasnSender,
    SiasnDocuments,
    SiasnPushBatchService,
    SiasnStatusService,
    SiasnImportRepository,
    SiasnImportService,
    SiasnReconciliationService,
    SiasnPushHandler,
    SiasnQueueHandler,
    SiasnImportHandler,
  ],
  exports: [
    SiasnSettings,
    SiasnClient,
    SiasnPayloadsService,
    SiasnPushRepository,
    SiasnOutboxWriter,
    SiasnSender,
    SiasnPushBatchService,
    SiasnImportService,
  ],
})
export class SiasnModule {}
