import { Module } from '@nestjs/common';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { OutcomeStore } from './outcome-store.service';
import { OutcomesController } from './outcomes.controller';
import { OutcomesRepository } from './outcomes.repository';

@Module({
  imports: [WebhooksModule],
  controllers: [OutcomesController],
  providers: [OutcomeStore, OutcomesRepository],
  // WebhooksModule re-exported: the worker's delivery handler reads the delivery log through it.
  exports: [OutcomeStore, WebhooksModule],
})
export class OutcomesModule {}
