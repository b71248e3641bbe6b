import { Injectable } from '@nestjs/common';
import { JobContext } from '../jobs/job-context';
import { JobHandler } from '../jobs/job-handler.decorator';
import { ExpireObjectionWindowsJob } from './evaluation.job';
import { EvaluationReviewService } from './evaluation-review.service';

/**
 * Repeatable maintenance job: ISSUED evaluations whose objection window has passed become FINAL
 * (spec 01 §11), each with its EvaluationFinalized event, in the job's transaction.
 */
@Injectable()
export class EvaluationExpiryHandler {
  constructor(private readonly evaluations: EvaluationReviewService) {}

  @JobHandler(ExpireObjectionWindowsJob)
  async handle(_payload: Record<string, unknown>, _ctx: JobContext): Promise<{ finalized: number; ids: string[] }> {
    const ids = await this.evaluations.expireWindows();
    return { finalized: ids.length, ids };
  }
}
