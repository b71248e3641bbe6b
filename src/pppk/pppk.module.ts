import { Module } from '@nestjs/common';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { OutcomesModule } from '../outcomes/outcomes.module';
import { PppkContractsRepository } from './pppk-contracts.repository';
import { PppkContractsService } from './pppk-contracts.service';
import { PppkController } from './pppk.controller';
import { PppkContractReviewHandler } from './pppk-contract-review.handler';

/** PPPK specifics (04 §6): perjanjian kerja and their review. */
@Module({
  imports: [EvaluationModule, OutcomesModule],
  controllers: [PppkController],
  providers: [PppkContractReviewHandler, PppkContractsRepository, PppkContractsService],
  exports: [PppkContractsRepository, PppkContractsService],
})
export class PppkModule {}
