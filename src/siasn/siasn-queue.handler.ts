import { Injectable } from '@nestjs/common';
import { JobHandler } from '../jobs/job-handler.decorator';
import { SiasnOutboxWriter } from './siasn-outbox-writer.service';
import { SiasnPushBatchService } from './siasn-push-batch.service';
import { SiasnPayloadsService } from './siasn-payloads.service';
import { SiasnPushBatchJob, SiasnQueueCreditJob, SiasnQueueEvaluationJob } from './siasn.job';

/**
 * Writes the outbox rows of facts published by other features, each in the transaction of its job
 * receipt (a replayed event writes nothing twice; an unchanged payload is not queued again): a FINAL
 * evaluation (EvaluationFinalized) and the AK entries of an issued PAK (PakIssued). Reads go through
 * the published readers only.
 */
@Injectable()
export class SiasnQueueHandler {
  constructor(
    private readonly payloads: SiasnPayloadsService,
    private readonly writer: SiasnOutboxWriter,
    private readonly batches: SiasnPushBatchService,
  ) {}

  @JobHandler(SiasnQueueEvaluationJob)
  async onEvaluationFinalized(payload: Record<string, unknown>) {
    const items = Array.isArray(payload.batch) ? (payload.batch as Record<string, unknown>[]) : [payload];
    const evaluationIds = [...new Set(items.map((i) => String(i.evaluationId)))];
    const drafts = [];
    for (const scope of ['ANNUAL', 'PERIODIC'] as const)
      drafts.push(...(await this.payloads.evaluationDrafts({ scope, evaluationIds })).drafts);
    const s = await this.writer.write(drafts);
    return { evaluations: evaluationIds.length, ...s, problems: s.problems.length };
  }

  @JobHandler(SiasnQueueCreditJob)
  async onPakIssued(payload: Record<string, unknown>) {
    if (payload.kind !== 'PAK') return { skipped: 'not a PAK' };
    const drafts = await this.payloads.creditDrafts(Number(payload.year), { nips: [String(payload.subject)] });
    const s = await this.writer.write(drafts);
    return { entries: drafts.length, ...s, problems: s.problems.length };
  }

  @JobHandler(SiasnPushBatchJob)
  async onPushRequested(payload: Record<string, unknown>) {
    return this.batches.build(String(payload.batchId));
  }
}
