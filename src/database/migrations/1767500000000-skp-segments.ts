import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SKP segments (spec 04 §1): an SKP covers [period_start, period_end] of its year and is DEFINITIVE or
 * ACTING (Plt, with the delegation it rests on); an event closes it (CLOSED). Several SKPs per
 * employee and year replace "one per year"; overlapping DEFINITIVE SKPs are refused by the service
 * under a lock on the employee. Evaluations record the kind of their SKP (ACTING ones never count for
 * the annual predikat, angka kredit or distribution). Employee events (mutasi, Plt, pensiun …) are facts
 * of the org feature.
 */
export class SkpSegments1767500000000 implements MigrationInterface {
  name = 'SkpSegments1767500000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE skp ADD COLUMN period_start date NULL, ADD COLUMN period_end date NULL`);
    await q.query(`UPDATE skp SET period_start = make_date(year, 1, 1), period_end = make_date(year, 12, 31)`);
    await q.query(`ALTER TABLE skp ALTER COLUMN period_start SET NOT NULL, ALTER COLUMN period_end SET NOT NULL`);
    await q.query(`
      ALTER TABLE skp
        ADD COLUMN kind varchar(10) NOT NULL DEFAULT 'DEFINITIVE' CHECK (kind IN ('DEFINITIVE','ACTING')),
        ADD COLUMN delegation_id uuid NULL REFERENCES ppk_delegations(id),
        ADD COLUMN previous_skp_id uuid NULL REFERENCES skp(id),
        ADD COLUMN closed_event varchar(24) NULL,
        ADD COLUMN closed_at timestamptz NULL,
        ADD CONSTRAINT skp_period_in_year CHECK (period_start <= period_end
          AND extract(year FROM period_start) = year AND extract(year FROM period_end) = year),
        ADD CONSTRAINT skp_acting_has_delegation CHECK (kind = 'DEFINITIVE' OR delegation_id IS NOT NULL)`);
    await q.query(`ALTER TABLE skp DROP CONSTRAINT skp_status_check`);
    await q.query(
      `ALTER TABLE skp ADD CONSTRAINT skp_status_check CHECK (status IN ('DRAFT','SUBMITTED','APPROVED','CLOSED'))`,
    );
    await q.query(`ALTER TABLE skp DROP CONSTRAINT skp_one_per_year`);
    await q.query(`CREATE INDEX skp_employee_period_idx ON skp(employee_id, year, period_start)`);
    // Two DEFINITIVE SKPs never start on the same day (wider overlaps: the service, under the employee lock).
    await q.query(
      `CREATE UNIQUE INDEX skp_definitive_start_uq ON skp(employee_id, period_start) WHERE kind = 'DEFINITIVE'`,
    );
    // Writers that give no period (older callers, bulk loads) get the whole year.
    await q.query(`
      CREATE FUNCTION skp_default_period() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.period_start := COALESCE(NEW.period_start, make_date(NEW.year, 1, 1));
        NEW.period_end := COALESCE(NEW.period_end, make_date(NEW.year, 12, 31));
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER skp_default_period BEFORE INSERT ON skp FOR EACH ROW EXECUTE FUNCTION skp_default_period()`,
    );
    await q.query(
      `ALTER TABLE evaluations ADD COLUMN skp_kind varchar(10) NOT NULL DEFAULT 'DEFINITIVE' CHECK (skp_kind IN ('DEFINITIVE','ACTING'))`,
    );
    await q.query(`
      CREATE TABLE employee_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        employee_id uuid NOT NULL REFERENCES employees(id),
        type varchar(24) NOT NULL CHECK (type IN ('MUTASI','PROMOSI','DEMOSI','PPK_CHANGE','PLT_START','PLT_END','PENSIUN',
          'BERHENTI','MENINGGAL','CLTN','TUGAS_BELAJAR','CPNS_START')),
        event_date date NOT NULL,
        inferred boolean NOT NULL DEFAULT false,
        delegation_id uuid NULL REFERENCES ppk_delegations(id),
        reason text NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX employee_events_employee_idx ON employee_events(employee_id, event_date)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS employee_events`);
    await q.query(`ALTER TABLE evaluations DROP COLUMN IF EXISTS skp_kind`);
    await q.query(`DROP TRIGGER IF EXISTS skp_default_period ON skp`);
    await q.query(`DROP FUNCTION IF EXISTS skp_default_period()`);
    await q.query(`DROP INDEX IF EXISTS skp_definitive_start_uq`);
    await q.query(`DROP INDEX IF EXISTS skp_employee_period_idx`);
    await q.query(`DELETE FROM skp WHERE kind = 'ACTING' OR period_start <> make_date(year, 1, 1)`);
    await q.query(`UPDATE skp SET status = 'APPROVED' WHERE status = 'CLOSED'`);
    await q.query(`ALTER TABLE skp ADD CONSTRAINT skp_one_per_year UNIQUE (employee_id, year)`);
    await q.query(`ALTER TABLE skp DROP CONSTRAINT skp_status_check`);
    await q.query(`ALTER TABLE skp ADD CONSTRAINT skp_status_check CHECK (status IN ('DRAFT','SUBMITTED','APPROVED'))`);
    for (const c of ['skp_period_in_year', 'skp_acting_has_delegation'])
      await q.query(`ALTER TABLE skp DROP CONSTRAINT IF EXISTS ${c}`);
    for (const c of [
      'closed_at',
      'closed_event',
      'previous_skp_id',
      'delegation_id',
      'kind',
      'period_end',
      'period_start',
    ])
      await q.query(`ALTER TABLE skp DROP COLUMN IF EXISTS ${c}`);
  }
}
