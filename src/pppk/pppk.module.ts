import { Module } from '@nestjs/common';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { OutcomesModule } from '../outcomes/outcomes.module';
import { PppkContractsRepository } from './pppk-contracts.repository';
import { PppkContractsService } from './pppk-contracts.service';
import { PppkController } from './pppk.controller';

/** PPPK specifics (04 §6): perjanjian kerja and their review. */
@Module({
  imports: [EvaluationModule, OutcomesModule],
  controllers: [PppkController],
  providers: [PppkContractsRepository, PppkContractsService],
  // The job handler itself is registered in the worker only (src/job-handlers.ts).
  exports: [PppkContractsRepository, PppkContractsService],
})
export class PppkModule {}
