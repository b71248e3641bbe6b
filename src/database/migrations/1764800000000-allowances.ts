import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Allowances (issue 7, items 3–4): versioned rule sets with unit/default assignment, working days
 * and holidays, monthly attendance, months (OPEN/CLOSED), runs split into chunks, one line per
 * employee × month (payroll pull reads it by (month, nip)), adjustments for closed months.
 */
export class Allowances1764800000000 implements MigrationInterface {
  name = 'Allowances1764800000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE allowance_rule_sets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(40) NOT NULL,
        version integer NOT NULL CHECK (version >= 1),
        effective_from date NOT NULL,
        effective_to date NULL,
        body jsonb NOT NULL,
        template varchar(40) NULL,
        overrides jsonb NULL,
        created_by varchar(60) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT allowance_rule_sets_code_version UNIQUE (code, version),
        CONSTRAINT allowance_rule_sets_range CHECK (effective_to IS NULL OR effective_to > effective_from)
      )`);
    // Which rule set (code) applies: the agency default (unit_id NULL, at most one) or per unit.
    await q.query(`
      CREATE TABLE allowance_rule_set_assignments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id uuid NULL REFERENCES units(id) ON DELETE CASCADE,
        code varchar(40) NOT NULL,
        assigned_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX allowance_rs_assign_unit_uq ON allowance_rule_set_assignments(unit_id) WHERE unit_id IS NOT NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX allowance_rs_assign_default_uq ON allowance_rule_set_assignments((true)) WHERE unit_id IS NULL`,
    );
    await q.query(`
      CREATE TABLE allowance_holidays (
        day date PRIMARY KEY,
        name varchar(200) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE allowance_working_days (
        month char(7) PRIMARY KEY CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        days smallint NOT NULL CHECK (days BETWEEN 1 AND 31),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One row per (employee, month); a resend replaces it.
    await q.query(`
      CREATE TABLE attendance_months (
        employee_id uuid NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
        month char(7) NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        late_minutes integer[] NOT NULL DEFAULT '{}',
        early_leave_minutes integer[] NOT NULL DEFAULT '{}',
        absent_days smallint NOT NULL DEFAULT 0 CHECK (absent_days >= 0),
        missed_apel smallint NOT NULL DEFAULT 0 CHECK (missed_apel >= 0),
        revision integer NOT NULL DEFAULT 1,
        updated_by varchar(60) NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (employee_id, month)
      )`);
    await q.query(`
      CREATE TABLE allowance_months (
        month char(7) PRIMARY KEY CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        status varchar(6) NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','CLOSED')),
        closed_at timestamptz NULL,
        closed_by varchar(60) NULL
      )`);
    await q.query(`
      CREATE TABLE allowance_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        month char(7) NOT NULL REFERENCES allowance_months(month),
        mode varchar(10) NOT NULL CHECK (mode IN ('REGULAR','CORRECTION')),
        status varchar(8) NOT NULL CHECK (status IN ('QUEUED','RUNNING','DONE','FAILED')),
        total integer NOT NULL DEFAULT 0,
        processed integer NOT NULL DEFAULT 0,
        chunk_count integer NOT NULL DEFAULT 0,
        chunks_done integer NOT NULL DEFAULT 0,
        report jsonb NOT NULL DEFAULT '{}'::jsonb,
        error text NULL,
        requested_by varchar(60) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz NULL,
        finished_at timestamptz NULL
      )`);
    await q.query(`CREATE INDEX allowance_runs_month_idx ON allowance_runs(month, created_at)`);
    await q.query(`
      CREATE TABLE allowance_run_chunks (
        run_id uuid NOT NULL REFERENCES allowance_runs(id) ON DELETE CASCADE,
        chunk_no integer NOT NULL,
        employee_ids uuid[] NOT NULL,
        status varchar(8) NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING','DONE','FAILED')),
        report jsonb NULL,
        done_at timestamptz NULL,
        PRIMARY KEY (run_id, chunk_no)
      )`);
    // One line per employee × month. `version` increases only when figures_hash changes.
    await q.query(`
      CREATE TABLE allowance_lines (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        employee_id uuid NOT NULL REFERENCES employees(id),
        month char(7) NOT NULL REFERENCES allowance_months(month),
        nip char(18) NOT NULL,
        status varchar(12) NOT NULL CHECK (status IN ('COMPUTED','NO_RULE_SET','ERROR')),
        kelas_jabatan smallint NULL,
        unit_id uuid NULL,
        rule_set varchar(60) NULL,
        basic_amount bigint NULL,
        performance_part bigint NULL,
        discipline_part bigint NULL,
        total_deductions bigint NULL,
        net_amount bigint NULL,
        deductions jsonb NOT NULL DEFAULT '[]'::jsonb,
        explanation jsonb NOT NULL,
        problem text NULL,
        figures_hash char(64) NOT NULL,
        version integer NOT NULL DEFAULT 1,
        run_id uuid NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT allowance_lines_employee_month UNIQUE (employee_id, month),
        CONSTRAINT allowance_lines_parts CHECK (status <> 'COMPUTED' OR basic_amount = performance_part + discipline_part),
        CONSTRAINT allowance_lines_net CHECK (status <> 'COMPUTED' OR net_amount = basic_amount - total_deductions)
      )`);
    await q.query(`CREATE UNIQUE INDEX allowance_lines_month_nip_uq ON allowance_lines(month, nip)`);
    // Corrections of a CLOSED month: a delta carried by a line of the next open month, never an edit.
    await q.query(`
      CREATE TABLE allowance_adjustments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        employee_id uuid NOT NULL REFERENCES employees(id),
        month char(7) NOT NULL REFERENCES allowance_months(month),
        for_month char(7) NOT NULL REFERENCES allowance_months(month),
        amount bigint NOT NULL,
        previous_net bigint NOT NULL,
        corrected_net bigint NOT NULL,
        corrected_hash char(64) NOT NULL,
        corrected jsonb NOT NULL,
        reason text NOT NULL,
        run_id uuid NULL REFERENCES allowance_runs(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT allowance_adjustments_after CHECK (month > for_month),
        CONSTRAINT allowance_adjustments_once UNIQUE (employee_id, for_month, corrected_hash)
      )`);
    await q.query(`CREATE INDEX allowance_adjustments_month_idx ON allowance_adjustments(month, employee_id)`);
    // Closed months are immutable at the database level too.
    await q.query(`
      CREATE FUNCTION allowance_closed_month_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE m char(7);
      BEGIN
        m := CASE WHEN TG_OP = 'INSERT' THEN NEW.month ELSE OLD.month END;
        IF EXISTS (SELECT 1 FROM allowance_months WHERE month = m AND status = 'CLOSED') THEN
          RAISE EXCEPTION 'allowance month % is closed', m USING ERRCODE = 'check_violation';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await q.query(
      `CREATE TRIGGER allowance_lines_closed_guard BEFORE INSERT OR UPDATE OR DELETE ON allowance_lines FOR EACH ROW EXECUTE FUNCTION allowance_closed_month_guard()`,
    );
    await q.query(
      `CREATE TRIGGER allowance_adjustments_closed_guard BEFORE INSERT OR UPDATE OR DELETE ON allowance_adjustments FOR EACH ROW EXECUTE FUNCTION allowance_closed_month_guard()`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'allowance_adjustments',
      'allowance_lines',
      'allowance_run_chunks',
      'allowance_runs',
      'allowance_months',
      'attendance_months',
      'allowance_working_days',
      'allowance_holidays',
      'allowance_rule_set_assignments',
      'allowance_rule_sets',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${t} CASCADE`);
    }
    await q.query(`DROP FUNCTION IF EXISTS allowance_closed_month_guard()`);
  }
}
