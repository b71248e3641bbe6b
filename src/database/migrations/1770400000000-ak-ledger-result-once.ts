import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The angka kredit ledger's result (~3.5 KB of jsonb per functional official) stored once: in its history
 * row, which `ak_ledgers` (the current version's figures) points at by (employee_id, version). Both tables
 * carried the same document, compressed twice per write; at year end that write was the worker's heaviest
 * statement after the allowance lines (docs/performance.md). The history's result is compressed with lz4
 * where the server has it (2.2× faster than the default pglz for this write in EXPLAIN (ANALYZE)).
 */
export class AkLedgerResultOnce1770400000000 implements MigrationInterface {
  name = 'AkLedgerResultOnce1770400000000';

  public async up(q: QueryRunner): Promise<void> {
    // Every current ledger has its version in the history (the one write statement inserts both); a row
    // written otherwise keeps its result there before the column goes.
    await q.query(`
      INSERT INTO ak_ledger_history (employee_id, version, balance, result, cause, computed_at)
      SELECT employee_id, version, balance, result, 'migration', computed_at FROM ak_ledgers
      ON CONFLICT (employee_id, version) DO NOTHING`);
    await q.query(`ALTER TABLE ak_ledgers DROP COLUMN result`);
    await q.query(`
      DO $$ BEGIN
        ALTER TABLE ak_ledger_history ALTER COLUMN result SET COMPRESSION lz4;
      EXCEPTION WHEN feature_not_supported THEN
        RAISE NOTICE 'lz4 not available: ak_ledger_history.result keeps the default compression';
      END $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ak_ledger_history ALTER COLUMN result SET COMPRESSION default`);
    await q.query(`ALTER TABLE ak_ledgers ADD COLUMN result jsonb`);
    await q.query(
      `UPDATE ak_ledgers l SET result = h.result FROM ak_ledger_history h WHERE h.employee_id = l.employee_id AND h.version = l.version`,
    );
    await q.query(`ALTER TABLE ak_ledgers ALTER COLUMN result SET NOT NULL`);
  }
}
