import { AgencyModule } from '../agency/agency.module';
import { Module } from '@nestjs/common';
import { DisciplineReadModule } from '../discipline/discipline-read.module';
import { FinalPredicatesReader } from '../evaluation/final-predicates.repository';
import { OutcomesModule } from '../outcomes/outcomes.module';
import { CreditEntriesReader } from './credit-entries.repository';
import { CreditLedgerRepository } from './credit-ledger.repository';
import { CreditLedgerService } from './credit-ledger.service';
import { CreditController } from './credit.controller';
import { CreditOpeningService } from './credit-opening.service';
import { OpeningTablesController } from './opening-tables.controller';
import { OpeningTablesRepository } from './opening-tables.repository';
import { OpeningTablesService } from './opening-tables.service';
import { CreditService } from './credit.service';
import { CreditJobsHandler } from './credit-jobs.handler';
import { PakDocumentReader } from './pak-document-reader.service';

@Module({
  imports: [AgencyModule, OutcomesModule, DisciplineReadModule],
  controllers: [CreditController, OpeningTablesController],
  providers: [
    CreditJobsHandler,

    CreditLedgerRepository,
    CreditLedgerService,
    CreditService,
    CreditOpeningService,
    OpeningTablesRepository,
    OpeningTablesService,
    CreditEntriesReader,
    PakDocumentReader,
    // The evaluation feature's published read port (stateless): FINAL predikat for the ledger.
    FinalPredicatesReader,
  ],
  exports: [CreditLedgerService, CreditEntriesReader, PakDocumentReader],
})
export class AngkaKreditModule {}
