import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SIASN push adapter (spec 04 §8.5): how long each attempt took, which batch a row was queued by and
 * what a batch found besides the rows it queued (unchanged rows, rows that cannot be built).
 */
export class SiasnPush1768010000000 implements MigrationInterface {
  name = 'SiasnPush1768010000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE siasn_attempts ADD COLUMN duration_ms integer NULL`);
    await q.query(`ALTER TABLE siasn_batches ADD COLUMN summary jsonb NOT NULL DEFAULT '{}'`);
    await q.query(`CREATE INDEX siasn_outbox_batch_idx ON siasn_outbox(batch_id) WHERE batch_id IS NOT NULL`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS siasn_outbox_batch_idx`);
    await q.query(`ALTER TABLE siasn_batches DROP COLUMN IF EXISTS summary`);
    await q.query(`ALTER TABLE siasn_attempts DROP COLUMN IF EXISTS duration_ms`);
  }
}
