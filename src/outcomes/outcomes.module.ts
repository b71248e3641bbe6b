import { Module } from '@nestjs/common';
import { OutcomeStore } from './outcome-store';
import { OutcomesController } from './outcomes.controller';

@Module({ controllers: [OutcomesController], providers: [OutcomeStore], exports: [OutcomeStore] })
export class OutcomesModule {}
