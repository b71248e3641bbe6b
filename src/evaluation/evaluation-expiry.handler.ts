import { Inject, Injectable } from '@nestjs/common';
import { TransactionHost, type TxHost } from '../database/transaction';
import { JobContext } from '../jobs/job-context';
import { JobHandler } from '../jobs/job-handler.decorator';
import { ExpireObjectionWindowsJob } from './evaluation.job';
import { EvaluationReviewService } from './evaluation-review.service';

/** Evaluations per transaction of the sweep. */
export const EXPIRY_CHUNK = 2000;

/**
 * Repeatable maintenance job: ISSUED evaluations whose objection window has passed become FINAL
 * (spec 01 §11), each with its EvaluationFinalized event. One run sweeps every expired window, in
 * chunks of EXPIRY_CHUNK, one transaction each (a chunk's rows, transitions, audit rows and events
 * commit together; a retry continues with what is left). At year end 100,000 windows close at once:
 * the sweep must not stop after one chunk and wait for its next schedule. One sweep at a time: a run
 * that finds another one sweeping leaves the work to it.
 */
@Injectable()
export class EvaluationExpiryHandler {
  constructor(
    @Inject(TransactionHost) private readonly txHost: TxHost,
    private readonly evaluations: EvaluationReviewService,
  ) {}

  @JobHandler(ExpireObjectionWindowsJob, { transactional: false })
  async handle(
    _payload: Record<string, unknown>,
    _ctx: JobContext,
  ): Promise<{ finalized: number; chunks: number; busy?: true }> {
    let finalized = 0;
    let chunks = 0;
    for (;;) {
      const ids = await this.txHost.withTransaction(async () =>
        (await this.evaluations.lockExpirySweep()) ? this.evaluations.expireWindows(EXPIRY_CHUNK) : null,
      );
      if (ids === null) return { finalized, chunks, busy: true };
      finalized += ids.length;
      if (ids.length > 0) chunks++;
      if (ids.length < EXPIRY_CHUNK) return { finalized, chunks };
    }
  }
}
