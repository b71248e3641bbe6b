import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A done allowance chunk is counted into its run when its transaction commits, by a deferred constraint
 * trigger on the chunk's status, instead of by an UPDATE the chunk job sent before its COMMIT. The run's row
 * is every chunk's counter: sent from the job, it stayed locked while the worker's one thread computed other
 * chunks before it could read the reply and send the COMMIT, and 2–5 chunk transactions queued on it at any
 * time of a 100,000-employee run (pg_stat_activity, docs/performance.md). At commit the row is held for the
 * trigger's UPDATE and the commit itself. The run's last chunk also refreshes the lines' statistics (the
 * payroll pull's (month, nip) index plan), as the job did.
 */
export class AllowanceRunCountedAtCommit1770400000001 implements MigrationInterface {
  name = 'AllowanceRunCountedAtCommit1770400000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION allowance_run_count_chunk() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE run_status text;
      BEGIN
        UPDATE allowance_runs
           SET processed = processed + cardinality(NEW.employee_ids), chunks_done = chunks_done + 1,
               status = CASE WHEN status = 'FAILED' THEN 'FAILED' WHEN chunks_done + 1 >= chunk_count THEN 'DONE' ELSE 'RUNNING' END,
               finished_at = CASE WHEN status <> 'FAILED' AND chunks_done + 1 >= chunk_count THEN now() ELSE finished_at END
         WHERE id = NEW.run_id
        RETURNING status INTO run_status;
        IF run_status = 'DONE' THEN
          ANALYZE allowance_lines;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER allowance_run_chunk_counted AFTER UPDATE OF status ON allowance_run_chunks
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
        WHEN (NEW.status = 'DONE' AND OLD.status <> 'DONE')
        EXECUTE FUNCTION allowance_run_count_chunk()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS allowance_run_chunk_counted ON allowance_run_chunks`);
    await q.query(`DROP FUNCTION IF EXISTS allowance_run_count_chunk()`);
  }
}
