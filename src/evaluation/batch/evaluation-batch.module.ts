import { Module } from '@nestjs/common';
import { EvaluationModule } from '../evaluation.module';
import { EvaluationBatchController } from './evaluation-batch.controller';
import { EvaluationBatchRepository } from './evaluation-batch.repository';
import { EvaluationBatchService } from './evaluation-batch.service';

/** Year-end bulk operations on evaluations (issue 9). */
@Module({
  imports: [EvaluationModule],
  controllers: [EvaluationBatchController],
  providers: [EvaluationBatchService, EvaluationBatchRepository],
  exports: [EvaluationBatchService],
})
export class EvaluationBatchModule {}
