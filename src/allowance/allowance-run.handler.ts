import { Injectable, Logger } from '@nestjs/common';
import { JobContext } from '../jobs/job-context';
import { JobHandler } from '../jobs/job-handler.decorator';
import { JOBS } from '../jobs/job-registry';
import { EmploymentHistoryReader } from '../org/employment-history';
import { OutboxService } from '../outbox/outbox.service';
import { firstDay, lastDay } from './months';
import { LineComputer } from './line-computer';
import { LineWriter } from './line-writer';

/** Employees per chunk job: small enough for one short transaction, large enough for set-based reads. */
export const ALLOWANCE_CHUNK_SIZE = 500;

/** Background side of monthly runs: split into chunks, then compute and write each chunk. */
@Injectable()
export class AllowanceRunHandler {
  private readonly logger = new Logger(AllowanceRunHandler.name);

  constructor(
    private readonly outbox: OutboxService,
    private readonly computer: LineComputer,
    private readonly writer: LineWriter,
    private readonly history: EmploymentHistoryReader,
  ) {}

  @JobHandler('allowance.run-start')
  async start(
    payload: Record<string, unknown>,
    ctx: JobContext,
  ): Promise<{ runId: string; total: number; chunks: number } | { skipped: string }> {
    const m = ctx.manager;
    const [run]: { id: string; month: string; status: string }[] = await m.query(
      `SELECT id, month, status FROM allowance_runs WHERE id = $1 FOR UPDATE`,
      [payload.runId],
    );
    if (!run) return { skipped: 'unknown run' };
    if (run.status !== 'QUEUED') return { skipped: `run is ${run.status}` };
    // Holders of a post in the month whose service has not ended before it (PENSIUN, BERHENTI, MENINGGAL).
    const ids = (await this.history.inService(m, firstDay(run.month), lastDay(run.month))).map((id) => ({ id }));
    const chunks: { no: number; ids: string[] }[] = [];
    for (let i = 0; i < ids.length; i += ALLOWANCE_CHUNK_SIZE)
      chunks.push({ no: chunks.length, ids: ids.slice(i, i + ALLOWANCE_CHUNK_SIZE).map((r) => r.id) });
    if (chunks.length) {
      await m.query(
        `INSERT INTO allowance_run_chunks (run_id, chunk_no, employee_ids) SELECT $1, c.no, c.ids FROM jsonb_to_recordset($2::jsonb) AS c(no int, ids uuid[])`,
        [run.id, JSON.stringify(chunks)],
      );
      await this.outbox.addMany(
        m,
        chunks.map((c) => ({
          type: 'AllowanceRunChunkReady',
          aggregateType: 'allowance_run',
          aggregateId: run.id,
          payload: { runId: run.id, chunkNo: c.no },
          dedupeKey: `allowance-run:${run.id}:chunk:${c.no}`,
        })),
      );
    }
    await m.query(
      `UPDATE allowance_runs SET status = $2, total = $3, chunk_count = $4, started_at = now(), finished_at = CASE WHEN $4 = 0 THEN now() END WHERE id = $1`,
      [run.id, chunks.length ? 'RUNNING' : 'DONE', ids.length, chunks.length],
    );
    await ctx.updateProgress({ total: ids.length, chunks: chunks.length });
    return { runId: run.id, total: ids.length, chunks: chunks.length };
  }

  @JobHandler('allowance.run-chunk')
  async chunk(payload: Record<string, unknown>, ctx: JobContext): Promise<Record<string, unknown>> {
    const m = ctx.manager;
    const [c]: {
      employee_ids: string[];
      status: string;
      month: string;
      mode: 'REGULAR' | 'CORRECTION';
      run_status: string;
    }[] = await m.query(
      `SELECT c.employee_ids, c.status, r.month, r.mode, r.status AS run_status
         FROM allowance_run_chunks c JOIN allowance_runs r ON r.id = c.run_id
        WHERE c.run_id = $1 AND c.chunk_no = $2 FOR UPDATE OF c`,
      [payload.runId, payload.chunkNo],
    );
    if (!c) return { skipped: 'unknown chunk' };
    if (c.status !== 'PENDING') return { skipped: `chunk is ${c.status}` };
    // Month close takes this row FOR UPDATE: a chunk never writes into a month being closed.
    const [month]: { status: string }[] = await m.query(
      `SELECT status FROM allowance_months WHERE month = $1 FOR SHARE`,
      [c.month],
    );
    const mode = month.status === 'CLOSED' ? 'CORRECTION' : c.mode;
    await m.query(`SAVEPOINT allowance_chunk`);
    let report: Record<string, unknown>;
    try {
      const lines = await this.computer.compute(m, c.month, c.employee_ids);
      report = {
        ...(mode === 'CORRECTION'
          ? await this.writer.adjust(m, c.month, String(payload.runId), lines)
          : await this.writer.upsert(m, c.month, String(payload.runId), lines)),
        mode,
      };
      await m.query(`RELEASE SAVEPOINT allowance_chunk`);
    } catch (err) {
      await m.query(`ROLLBACK TO SAVEPOINT allowance_chunk`);
      if (ctx.attempt < JOBS['allowance.run-chunk'].attempts) throw err;
      // Last attempt: the run is marked FAILED (visible in GET /allowance/runs/{id}) instead of hanging in RUNNING.
      const message = (err as Error).message;
      this.logger.error(
        { runId: payload.runId, chunkNo: payload.chunkNo, err: message },
        'allowance chunk failed on its last attempt',
      );
      await m.query(
        `UPDATE allowance_run_chunks SET status = 'FAILED', report = $3, done_at = now() WHERE run_id = $1 AND chunk_no = $2`,
        [payload.runId, payload.chunkNo, JSON.stringify({ error: message })],
      );
      await m.query(`UPDATE allowance_runs SET status = 'FAILED', error = $2, finished_at = now() WHERE id = $1`, [
        payload.runId,
        `chunk ${String(payload.chunkNo)}: ${message}`,
      ]);
      return { failed: message };
    }
    await m.query(
      `UPDATE allowance_run_chunks SET status = 'DONE', report = $3, done_at = now() WHERE run_id = $1 AND chunk_no = $2`,
      [payload.runId, payload.chunkNo, JSON.stringify(report)],
    );
    const [[run]]: [{ processed: number; total: number; status: string }[], number] = await m.query(
      `UPDATE allowance_runs SET processed = processed + $2, chunks_done = chunks_done + 1,
              status = CASE WHEN status = 'FAILED' THEN 'FAILED' WHEN chunks_done + 1 >= chunk_count THEN 'DONE' ELSE 'RUNNING' END,
              finished_at = CASE WHEN status <> 'FAILED' AND chunks_done + 1 >= chunk_count THEN now() ELSE finished_at END
        WHERE id = $1 RETURNING processed, total, status`,
      [payload.runId, c.employee_ids.length],
    );
    // Fresh statistics once per run, so the payroll pull keeps its (month, nip) index plan.
    if (run.status === 'DONE') await m.query(`ANALYZE allowance_lines`);
    await ctx.updateProgress({ processed: run.processed, total: run.total });
    return { runId: payload.runId, chunkNo: payload.chunkNo, ...report, runStatus: run.status };
  }
}
