import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../database/transaction';

export type RunMode = 'REGULAR' | 'CORRECTION';
export type RunStatus = 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';

/** A run with its chunk counters and the report summed over its chunks. */
export interface RunRow {
  id: string;
  month: string;
  mode: RunMode;
  status: RunStatus;
  processed: number;
  total: number;
  chunk_count: number;
  chunks_done: number;
  chunks_failed: number;
  error: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  /** Always an object (an aggregate over no chunk gives zeros). */
  report: Record<string, unknown>;
}

/** A chunk to compute, with its run's month and mode. */
export interface ChunkRow {
  employee_ids: string[];
  status: string;
  month: string;
  mode: RunMode;
  run_status: string;
}

const SAVEPOINT = 'allowance_chunk';

/** `allowance_runs` and `allowance_run_chunks`: a monthly run split into chunks of employees. */
@Injectable()
export class AllowanceRunsRepository extends BaseRepository {
  async insertRun(month: string, mode: RunMode, requestedBy: string): Promise<string> {
    const [run]: { id: string }[] = await this.db().query(
      `INSERT INTO allowance_runs (month, mode, status, requested_by) VALUES ($1, $2, 'QUEUED', $3) RETURNING id`,
      [month, mode, requestedBy],
    );
    return run.id;
  }

  async run(id: string): Promise<RunRow | null> {
    const rows: RunRow[] = await this.db().query(
      `SELECT r.id, r.month, r.mode, r.status, r.processed, r.total, r.chunk_count, r.chunks_done, r.error, r.created_at, r.started_at, r.finished_at,
              (SELECT count(*)::int FROM allowance_run_chunks c WHERE c.run_id = r.id AND c.status = 'FAILED') AS chunks_failed,
              (SELECT jsonb_build_object(
                  'computed', COALESCE(sum((c.report->>'computed')::int), 0), 'noRuleSet', COALESCE(sum((c.report->>'noRuleSet')::int), 0),
                  'errors', COALESCE(sum((c.report->>'errors')::int), 0), 'attendanceMissing', COALESCE(sum((c.report->>'attendanceMissing')::int), 0),
                  'created', COALESCE(sum((c.report->>'created')::int), 0), 'changed', COALESCE(sum((c.report->>'changed')::int), 0),
                  'unchanged', COALESCE(sum((c.report->>'unchanged')::int), 0), 'adjustments', COALESCE(sum((c.report->>'adjustments')::int), 0),
                  'warnings', COALESCE((SELECT jsonb_object_agg(w.code, w.n) FROM (SELECT x.key AS code, sum(x.value::int) AS n FROM allowance_run_chunks c3, jsonb_each(c3.report->'warnings') x
                                                                                     WHERE c3.run_id = r.id AND c3.report IS NOT NULL GROUP BY x.key) w), '{}'::jsonb),
                  'problems', COALESCE((SELECT jsonb_agg(p) FROM (SELECT jsonb_array_elements(c2.report->'problems') AS p FROM allowance_run_chunks c2
                                                            WHERE c2.run_id = r.id AND c2.report IS NOT NULL ORDER BY c2.chunk_no LIMIT 100) x), '[]'::jsonb))
                 FROM allowance_run_chunks c WHERE c.run_id = r.id AND c.report IS NOT NULL) AS report
         FROM allowance_runs r WHERE r.id = $1`,
      [id],
    );
    return rows.at(0) ?? null;
  }

  /** Ids of the month's regular runs not finished yet. */
  async activeRegularRunIds(month: string): Promise<string[]> {
    const rows: { id: string }[] = await this.db().query(
      `SELECT id FROM allowance_runs WHERE month = $1 AND mode = 'REGULAR' AND status IN ('QUEUED','RUNNING')`,
      [month],
    );
    return rows.map((r) => r.id);
  }

  /** The run, locked until the transaction ends. */
  async lockRun(id: string): Promise<{ id: string; month: string; status: string } | null> {
    const rows: { id: string; month: string; status: string }[] = await this.db().query(
      `SELECT id, month, status FROM allowance_runs WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows.at(0) ?? null;
  }

  /** The chunks of a run, in one statement. */
  async insertChunks(runId: string, chunks: { no: number; ids: string[] }[]): Promise<void> {
    await this.db().query(
      `INSERT INTO allowance_run_chunks (run_id, chunk_no, employee_ids) SELECT $1, c.no, c.ids FROM jsonb_to_recordset($2::jsonb) AS c(no int, ids uuid[])`,
      [runId, JSON.stringify(chunks)],
    );
  }

  /** The run starts (RUNNING), or is DONE at once when it has no chunk. */
  async markStarted(runId: string, total: number, chunkCount: number): Promise<void> {
    await this.db().query(
      `UPDATE allowance_runs SET status = $2, total = $3, chunk_count = $4, started_at = now(), finished_at = CASE WHEN $4 = 0 THEN now() END WHERE id = $1`,
      [runId, chunkCount ? 'RUNNING' : 'DONE', total, chunkCount],
    );
  }

  /** A chunk with its run's month and mode, the chunk row locked. */
  async lockChunk(runId: string, chunkNo: number): Promise<ChunkRow | null> {
    const rows: ChunkRow[] = await this.db().query(
      `SELECT c.employee_ids, c.status, r.month, r.mode, r.status AS run_status
         FROM allowance_run_chunks c JOIN allowance_runs r ON r.id = c.run_id
        WHERE c.run_id = $1 AND c.chunk_no = $2 FOR UPDATE OF c`,
      [runId, chunkNo],
    );
    return rows.at(0) ?? null;
  }

  /** A savepoint around a chunk's writes, so a failure can be undone and recorded in the same transaction. */
  async savepoint(): Promise<void> {
    await this.db().query(`SAVEPOINT ${SAVEPOINT}`);
  }

  async releaseSavepoint(): Promise<void> {
    await this.db().query(`RELEASE SAVEPOINT ${SAVEPOINT}`);
  }

  async rollbackToSavepoint(): Promise<void> {
    await this.db().query(`ROLLBACK TO SAVEPOINT ${SAVEPOINT}`);
  }

  /** A chunk failed on its last attempt: the chunk and its run are FAILED. */
  async markChunkFailed(runId: string, chunkNo: number, message: string): Promise<void> {
    await this.db().query(
      `UPDATE allowance_run_chunks SET status = 'FAILED', report = $3, done_at = now() WHERE run_id = $1 AND chunk_no = $2`,
      [runId, chunkNo, JSON.stringify({ error: message })],
    );
    await this.db().query(
      `UPDATE allowance_runs SET status = 'FAILED', error = $2, finished_at = now() WHERE id = $1`,
      [runId, `chunk ${String(chunkNo)}: ${message}`],
    );
  }

  /**
   * The chunk is DONE; the run counts it when this transaction commits (the deferred trigger
   * `allowance_run_chunk_counted`, migration 1770400000001): processed, chunks_done, and DONE with the last chunk.
   */
  async markChunkDone(runId: string, chunkNo: number, report: Record<string, unknown>): Promise<void> {
    await this.db().query(
      `UPDATE allowance_run_chunks SET status = 'DONE', report = $3, done_at = now() WHERE run_id = $1 AND chunk_no = $2`,
      [runId, chunkNo, JSON.stringify(report)],
    );
  }
}
