import { Module } from '@nestjs/common';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { OutcomeStore } from './outcome-store';
import { OutcomesController } from './outcomes.controller';

@Module({
  imports: [WebhooksModule],
  controllers: [OutcomesController],
  providers: [OutcomeStore],
  exports: [OutcomeStore],
})
export class OutcomesModule {}
