import { Module } from '@nestjs/common';
import { OutcomesModule } from '../outcomes/outcomes.module';
import { CreditLedgerService } from './credit-ledger.service';
import { CreditController } from './credit.controller';
import { CreditService } from './credit.service';

@Module({ imports: [OutcomesModule], controllers: [CreditController], providers: [CreditLedgerService, CreditService], exports: [CreditLedgerService] })
export class AngkaKreditModule {}
