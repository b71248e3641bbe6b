import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The closed-month guard of `allowance_lines` checked once per statement instead of once per row. The row
 * trigger ran a PL/pgSQL call and a lookup of `allowance_months` for every line a chunk upserted (500 per
 * chunk, 100,000 per year-end run; EXPLAIN in docs/performance.md). Three AFTER … FOR EACH STATEMENT
 * triggers (PostgreSQL allows transition tables on one event per trigger) look at the rows the statement
 * actually inserted, updated (old and new month) or deleted, and raise `check_violation` when any of them
 * belongs to a CLOSED month: the statement fails and nothing it wrote stays, as before. An upsert whose rows
 * all conflict without changing (same figures hash) writes nothing and so no longer fails on a closed month;
 * the lines still cannot change. `allowance_adjustments` keeps the row trigger (a few rows per run).
 */
export class AllowanceLinesStatementGuard1770300000000 implements MigrationInterface {
  name = 'AllowanceLinesStatementGuard1770300000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION allowance_lines_closed_statement_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE m char(7);
      BEGIN
        IF TG_OP = 'INSERT' THEN
          SELECT a.month INTO m FROM allowance_months a
           WHERE a.status = 'CLOSED' AND EXISTS (SELECT 1 FROM new_rows n WHERE n.month = a.month) LIMIT 1;
        ELSIF TG_OP = 'UPDATE' THEN
          SELECT a.month INTO m FROM allowance_months a
           WHERE a.status = 'CLOSED'
             AND (EXISTS (SELECT 1 FROM old_rows o WHERE o.month = a.month) OR EXISTS (SELECT 1 FROM new_rows n WHERE n.month = a.month))
           LIMIT 1;
        ELSE
          SELECT a.month INTO m FROM allowance_months a
           WHERE a.status = 'CLOSED' AND EXISTS (SELECT 1 FROM old_rows o WHERE o.month = a.month) LIMIT 1;
        END IF;
        IF m IS NOT NULL THEN
          RAISE EXCEPTION 'allowance month % is closed', m USING ERRCODE = 'check_violation';
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`DROP TRIGGER allowance_lines_closed_guard ON allowance_lines`);
    await q.query(`
      CREATE TRIGGER allowance_lines_closed_guard_insert AFTER INSERT ON allowance_lines
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION allowance_lines_closed_statement_guard()`);
    await q.query(`
      CREATE TRIGGER allowance_lines_closed_guard_update AFTER UPDATE ON allowance_lines
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION allowance_lines_closed_statement_guard()`);
    await q.query(`
      CREATE TRIGGER allowance_lines_closed_guard_delete AFTER DELETE ON allowance_lines
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION allowance_lines_closed_statement_guard()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const op of ['insert', 'update', 'delete'])
      await q.query(`DROP TRIGGER IF EXISTS allowance_lines_closed_guard_${op} ON allowance_lines`);
    await q.query(`DROP FUNCTION IF EXISTS allowance_lines_closed_statement_guard()`);
    await q.query(
      `CREATE TRIGGER allowance_lines_closed_guard BEFORE INSERT OR UPDATE OR DELETE ON allowance_lines FOR EACH ROW EXECUTE FUNCTION allowance_closed_month_guard()`,
    );
  }
}
