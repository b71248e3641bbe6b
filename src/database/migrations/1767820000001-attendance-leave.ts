import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attendance of a month gains the leave taken by kind (spec 04 §5.2: `[{ type, days, childOrder? }]`,
 * type null = kind not recorded) and the approved flexible-work days among the absent days
 * (PermenPANRB 4/2025: official duty, not absence). Older rows: no leave, no FWA day.
 */
export class AttendanceLeave1767820000001 implements MigrationInterface {
  name = 'AttendanceLeave1767820000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE attendance_months
        ADD COLUMN leave jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(leave) = 'array'),
        ADD COLUMN fwa_days smallint NOT NULL DEFAULT 0 CHECK (fwa_days >= 0 AND fwa_days <= absent_days)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE attendance_months DROP COLUMN IF EXISTS fwa_days, DROP COLUMN IF EXISTS leave`);
  }
}
