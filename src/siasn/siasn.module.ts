import { Module } from '@nestjs/common';
import { AgencyModule } from '../agency/agency.module';
import { AngkaKreditModule } from '../angka-kredit/angka-kredit.module';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { SiasnClient } from './siasn-client';
import { SiasnIdentityController } from './siasn-identity.controller';
import { SiasnIdentityRepository } from './siasn-identity.repository';
import { SiasnIdentityService } from './siasn-identity.service';
import { SiasnOutboxRepository } from './siasn-outbox.repository';
import { SiasnPayloadsService } from './siasn-payloads.service';
import { SiasnReadController } from './siasn-read.controller';
import { SiasnReadService } from './siasn-read.service';
import { SiasnSettings } from './siasn-settings';

/** SIASN exchange (spec 04 §8): identity mapping, ready payloads, push outbox, reconciliation. */
@Module({
  imports: [AgencyModule, EvaluationModule, AngkaKreditModule],
  controllers: [SiasnReadController, SiasnIdentityController],
  providers: [
    SiasnSettings,
    SiasnClient,
    SiasnIdentityRepository,
    SiasnIdentityService,
    SiasnOutboxRepository,
    SiasnPayloadsService,
    SiasnReadService,
  ],
  exports: [SiasnSettings, SiasnClient],
})
export class SiasnModule {}
