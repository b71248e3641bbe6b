import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Year-end finalize-batch reads RATED evaluations of a period by id in keyset chunks of 1,000
 * (`WHERE period = $1 AND status = 'RATED' AND id > $2 ORDER BY id LIMIT $3`). Without this index the
 * plan walks the primary key and filters every row of the table, so the chunks after the last one
 * (and unit-scoped batches) scan all evaluations. Only RATED rows are in it: small, and a row leaves it
 * when it is issued.
 */
export class FinalizeKeysetIndex1767870000000 implements MigrationInterface {
  name = 'FinalizeKeysetIndex1767870000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX evaluations_rated_keyset_idx ON evaluations(period, id) WHERE status = 'RATED'`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS evaluations_rated_keyset_idx`);
  }
}
