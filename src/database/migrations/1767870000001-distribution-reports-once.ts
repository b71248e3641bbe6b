import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The unit's distribution report (SE 3/2023 check, with its explanation) as of a year-end batch is the same
 * for every evaluation of the unit: stored once per unit and batch and referenced from the evaluations,
 * instead of one jsonb copy per evaluation (100,000 copies at a national close). Single finalisations and
 * older rows keep their own copy in `distribution_report`; a row has one or the other.
 */
export class DistributionReportsOnce1767870000001 implements MigrationInterface {
  name = 'DistributionReportsOnce1767870000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE evaluation_distribution_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id uuid NOT NULL REFERENCES units(id),
        period varchar(7) NOT NULL,
        report jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX evaluation_distribution_reports_unit_idx ON evaluation_distribution_reports(unit_id, period)`,
    );
    await q.query(
      `ALTER TABLE evaluations ADD COLUMN distribution_report_id uuid NULL REFERENCES evaluation_distribution_reports(id)`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      UPDATE evaluations e SET distribution_report = r.report, distribution_report_id = NULL
        FROM evaluation_distribution_reports r WHERE r.id = e.distribution_report_id`);
    await q.query(`ALTER TABLE evaluations DROP COLUMN IF EXISTS distribution_report_id`);
    await q.query(`DROP TABLE IF EXISTS evaluation_distribution_reports`);
  }
}
