import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SIASN import for reconciliation (spec 04 §8.4–8.5): each held row keeps its read-side payload (`raw`)
 * and, next to it, the same row under the write-side names (`body`) with the key it is matched on;
 * `siasn_holding_reads` records whose rows were read (and when, by which import), so a person SIASN
 * holds nothing for is told apart from a person never read.
 */
export class SiasnHoldingsReads1768020000000 implements MigrationInterface {
  name = 'SiasnHoldingsReads1768020000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE siasn_holdings
        ADD COLUMN match_key varchar(200) NOT NULL DEFAULT '',
        ADD COLUMN body jsonb NOT NULL DEFAULT '{}',
        ADD COLUMN batch_id uuid NULL`);
    await q.query(`CREATE INDEX siasn_holdings_match_idx ON siasn_holdings(kind, match_key)`);
    await q.query(`
      CREATE TABLE siasn_holding_reads (
        kind varchar(20) NOT NULL CHECK (kind IN ('SKP22','KINERJA_PERIODIK','ANGKA_KREDIT')),
        nip varchar(18) NOT NULL,
        batch_id uuid NOT NULL,
        rows integer NOT NULL,
        read_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (kind, nip)
      )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS siasn_holding_reads`);
    await q.query(`DROP INDEX IF EXISTS siasn_holdings_match_idx`);
    await q.query(`ALTER TABLE siasn_holdings DROP COLUMN match_key, DROP COLUMN body, DROP COLUMN batch_id`);
  }
}
