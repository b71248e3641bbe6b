import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * No silent money: each allowance line keeps its coded warnings (PREDIKAT_MISSING, ATTENDANCE_MISSING,
 * RULESET_MISSING, STATUS_UNKNOWN, …) and the performance part held back for a missing predikat.
 * Stored as json (text kept verbatim, like deductions) for the payroll pull; counted with json_array_elements.
 */
export class AllowanceLineWarnings1766100000000 implements MigrationInterface {
  name = 'AllowanceLineWarnings1766100000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE allowance_lines ADD COLUMN warnings json NOT NULL DEFAULT '[]'::json, ADD COLUMN held_amount bigint NOT NULL DEFAULT 0`,
    );
    await q.query(
      `CREATE INDEX allowance_lines_month_warned_idx ON allowance_lines(month) WHERE json_array_length(warnings) > 0`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX allowance_lines_month_warned_idx`);
    await q.query(`ALTER TABLE allowance_lines DROP COLUMN warnings, DROP COLUMN held_amount`);
  }
}
