import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['units', 'unit_performance', 'employee_assignments', 'skp', 'evaluations'];

/**
 * Change counter of the year-end monitoring snapshot: a sequence advanced once per statement that writes a
 * table the dashboard counts. A sequence never blocks or rolls back, so writers do not queue on it; the
 * dashboard re-reads its pre-aggregated counts when the value moved.
 */
export class MonitoringChangeCounter1767300000000 implements MigrationInterface {
  name = 'MonitoringChangeCounter1767300000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE monitoring_changes`);
    await q.query(
      `CREATE FUNCTION monitoring_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM nextval('monitoring_changes'); RETURN NULL; END $$`,
    );
    for (const t of TABLES)
      await q.query(
        `CREATE TRIGGER ${t}_monitoring_touch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${t} FOR EACH STATEMENT EXECUTE FUNCTION monitoring_touch()`,
      );
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const t of TABLES) await q.query(`DROP TRIGGER IF EXISTS ${t}_monitoring_touch ON ${t}`);
    await q.query(`DROP FUNCTION IF EXISTS monitoring_touch()`);
    await q.query(`DROP SEQUENCE IF EXISTS monitoring_changes`);
  }
}
