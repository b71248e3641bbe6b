import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Payroll pull speed: a line's explanation and deductions are only ever written whole and read
 * whole, so they are stored as `json` (text kept verbatim) — the payroll query embeds them without
 * the jsonb → text conversion that dominated a page of 1,000 lines.
 */
export class AllowanceLinesJson1764800000001 implements MigrationInterface {
  name = 'AllowanceLinesJson1764800000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE allowance_lines ALTER COLUMN deductions DROP DEFAULT`);
    await q.query(
      `ALTER TABLE allowance_lines ALTER COLUMN deductions TYPE json USING deductions::json, ALTER COLUMN explanation TYPE json USING explanation::json`,
    );
    await q.query(`ALTER TABLE allowance_lines ALTER COLUMN deductions SET DEFAULT '[]'::json`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE allowance_lines ALTER COLUMN deductions DROP DEFAULT`);
    await q.query(
      `ALTER TABLE allowance_lines ALTER COLUMN deductions TYPE jsonb USING deductions::jsonb, ALTER COLUMN explanation TYPE jsonb USING explanation::jsonb`,
    );
    await q.query(`ALTER TABLE allowance_lines ALTER COLUMN deductions SET DEFAULT '[]'::jsonb`);
  }
}
