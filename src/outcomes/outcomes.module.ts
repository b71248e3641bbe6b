import { Module } from '@nestjs/common';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { OutcomeStore } from './outcome-store.service';
import { OutcomesController } from './outcomes.controller';
import { OutcomesRepository } from './outcomes.repository';
import { AllowanceCutsReader } from '../allowance/allowance-cuts.repository';
import { FinalPredicatesReader } from '../evaluation/final-predicates.repository';
import { EvaluationOutcomesHandler } from './evaluation-outcomes.handler';
import { AllowanceMonthOutcomesHandler } from './allowance-month-outcomes.handler';

@Module({
  imports: [WebhooksModule],
  controllers: [OutcomesController],
  providers: [
    AllowanceMonthOutcomesHandler,
    EvaluationOutcomesHandler,
    FinalPredicatesReader,
    // The allowance feature's published read port (stateless): the cut lines of a closed month.
    AllowanceCutsReader,
    OutcomeStore,
    OutcomesRepository,
  ],
  // WebhooksModule re-exported: the worker's delivery handler reads the delivery log through it.
  exports: [OutcomeStore, WebhooksModule],
})
export class OutcomesModule {}
