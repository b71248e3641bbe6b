import { Injectable, Logger } from '@nestjs/common';
import { JobContext } from '../jobs/job-context';
import { JobHandler } from '../jobs/job-handler.decorator';
import { AllowanceRunChunkJob, AllowanceRunStartJob } from './allowance.job';
import { isPermanentFailure } from '../jobs/job-failure';
import { EmploymentHistoryReader } from '../org/employment-history';
import { OutboxService } from '../outbox/outbox.service';
import { AllowanceMonthsRepository } from './allowance-months.repository';
import { AllowanceRunsRepository } from './allowance-runs.repository';
import { firstDay, lastDay } from './months';
import { LineComputer } from './line-computer.service';
import { LineWriter } from './line-writer.service';

/** Employees per chunk job: small enough for one short transaction, large enough for set-based reads. */
export const ALLOWANCE_CHUNK_SIZE = 500;

/** Background side of monthly runs: split into chunks, then compute and write each chunk. */
@Injectable()
export class AllowanceRunHandler {
  private readonly logger = new Logger(AllowanceRunHandler.name);

  constructor(
    private readonly runs: AllowanceRunsRepository,
    private readonly months: AllowanceMonthsRepository,
    private readonly outbox: OutboxService,
    private readonly computer: LineComputer,
    private readonly writer: LineWriter,
    private readonly history: EmploymentHistoryReader,
  ) {}

  @JobHandler(AllowanceRunStartJob)
  async start(
    payload: Record<string, unknown>,
    ctx: JobContext,
  ): Promise<{ runId: string; total: number; chunks: number } | { skipped: string }> {
    const run = await this.runs.lockRun(String(payload.runId));
    if (!run) return { skipped: 'unknown run' };
    if (run.status !== 'QUEUED') return { skipped: `run is ${run.status}` };
    // Holders of a post in the month whose service has not ended before it (PENSIUN, BERHENTI, MENINGGAL).
    const ids = await this.history.inService(firstDay(run.month), lastDay(run.month));
    const chunks: { no: number; ids: string[] }[] = [];
    for (let i = 0; i < ids.length; i += ALLOWANCE_CHUNK_SIZE)
      chunks.push({ no: chunks.length, ids: ids.slice(i, i + ALLOWANCE_CHUNK_SIZE) });
    if (chunks.length) {
      await this.runs.insertChunks(run.id, chunks);
      await this.outbox.addMany(
        chunks.map((c) => ({
          type: 'AllowanceRunChunkReady',
          aggregateType: 'allowance_run',
          aggregateId: run.id,
          payload: { runId: run.id, chunkNo: c.no },
          dedupeKey: `allowance-run:${run.id}:chunk:${c.no}`,
        })),
      );
    }
    await this.runs.markStarted(run.id, ids.length, chunks.length);
    await ctx.updateProgress({ total: ids.length, chunks: chunks.length });
    return { runId: run.id, total: ids.length, chunks: chunks.length };
  }

  @JobHandler(AllowanceRunChunkJob)
  async chunk(payload: Record<string, unknown>, ctx: JobContext): Promise<Record<string, unknown>> {
    const runId = String(payload.runId);
    const chunkNo = Number(payload.chunkNo);
    const c = await this.runs.lockChunk(runId, chunkNo);
    if (!c) return { skipped: 'unknown chunk' };
    if (c.status !== 'PENDING') return { skipped: `chunk is ${c.status}` };
    // Month close takes this row FOR UPDATE: a chunk never writes into a month being closed.
    const monthStatus = await this.months.statusForShare(c.month);
    const mode = monthStatus === 'CLOSED' ? 'CORRECTION' : c.mode;
    await this.runs.savepoint();
    let report: Record<string, unknown>;
    try {
      const lines = await this.computer.compute(c.month, c.employee_ids);
      report = {
        ...(mode === 'CORRECTION'
          ? await this.writer.adjust(c.month, runId, lines)
          : await this.writer.upsert(c.month, runId, lines)),
        mode,
      };
      await this.runs.releaseSavepoint();
    } catch (err) {
      await this.runs.rollbackToSavepoint();
      if (ctx.attempt < AllowanceRunChunkJob.attempts && !isPermanentFailure(err)) throw err;
      // Last attempt: the run is marked FAILED (visible in GET /allowance/runs/{id}) instead of hanging in RUNNING.
      const message = (err as Error).message;
      this.logger.error({ runId, chunkNo, err: message }, 'allowance chunk failed on its last attempt');
      await this.runs.markChunkFailed(runId, chunkNo, message);
      return { failed: message };
    }
    // Counted into the run at commit (a deferred trigger): the run's row, every chunk's counter, is locked only
    // while this transaction commits, not while the worker's thread is busy with other chunks (docs/performance.md).
    await this.runs.markChunkDone(runId, chunkNo, report);
    return { runId: payload.runId, chunkNo: payload.chunkNo, ...report };
  }
}
