import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the BKPSDM office's lists and year-end monitoring (100,000 employees):
 * - name search (`GET /employees?q=`, case-insensitive substring): trigram GIN index, which ILIKE '%q%' uses;
 *   NIP prefixes use the existing unique btree on employees(nip) through a range predicate;
 * - assignments in force (population of units and of the monitoring): partial index on open rows;
 * - monitoring: SKP status per (year, employee) and evaluation status per (period, skp) readable
 *   from the indexes alone (index-only scans, no heap visit for the counts).
 */
export class OfficeSearchIndexes1766500000000 implements MigrationInterface {
  name = 'OfficeSearchIndexes1766500000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE INDEX employees_name_trgm_idx ON employees USING gin (name gin_trgm_ops)`);
    await q.query(
      `CREATE INDEX employee_assignments_open_idx ON employee_assignments(unit_id, employee_id) INCLUDE (valid_from) WHERE valid_to IS NULL`,
    );
    await q.query(`CREATE INDEX skp_year_status_idx ON skp(year, employee_id) INCLUDE (id, status)`);
    await q.query(
      `CREATE INDEX evaluations_period_status_idx ON evaluations(period, skp_id) INCLUDE (status, unit_id, predicate)`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS evaluations_period_status_idx`);
    await q.query(`DROP INDEX IF EXISTS skp_year_status_idx`);
    await q.query(`DROP INDEX IF EXISTS employee_assignments_open_idx`);
    await q.query(`DROP INDEX IF EXISTS employees_name_trgm_idx`);
  }
}
