import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Discipline and netralitas ASN (issue 8): cases with their classification, workflow history and
 * deadlines; escalations (SBT / SIASN block); the sanctions in force that allowance runs, credit
 * eligibility and rating checks read (`discipline_sanctions`); the discipline holiday calendar;
 * justifications recorded when a behaviour rating ignores a sanction; the attendance scan watermark.
 */
export class Discipline1765000000000 implements MigrationInterface {
  name = 'Discipline1765000000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE discipline_case_number_seq`);
    await q.query(`
      CREATE TABLE discipline_cases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number bigint NOT NULL DEFAULT nextval('discipline_case_number_seq') UNIQUE,
        employee_id uuid NOT NULL REFERENCES employees(id),
        kind varchar(12) NOT NULL CHECK (kind IN ('NETRALITAS','ATTENDANCE','OTHER')),
        act varchar(20) NULL,
        stage varchar(12) NULL CHECK (stage IN ('BAKAL_CALON','CALON')),
        occurred_on date NOT NULL,
        reported_on date NOT NULL,
        reported_by varchar(300) NOT NULL,
        description text NULL,
        evidence_urls jsonb NOT NULL DEFAULT '[]'::jsonb,
        subject jsonb NOT NULL,
        unit_id uuid NOT NULL REFERENCES units(id),
        track varchar(10) NULL CHECK (track IN ('KODE_ETIK','DISIPLIN','PTDH')),
        level varchar(6) NULL CHECK (level IN ('RINGAN','SEDANG','BERAT')),
        candidate_sanctions jsonb NOT NULL DEFAULT '[]'::jsonb,
        manual_review boolean NOT NULL DEFAULT false,
        classification jsonb NOT NULL,
        status varchar(12) NOT NULL CHECK (status IN ('REPORTED','VERIFIED','RECOMMENDED','DECIDED','DELIVERED','EFFECTIVE','ENDED','DISMISSED')),
        verified_on date NULL,
        recommended_level varchar(10) NULL,
        recommended_sanction varchar(30) NULL,
        recommended_on date NULL,
        competent_officials jsonb NOT NULL DEFAULT '[]'::jsonb,
        competent_official_ids uuid[] NOT NULL DEFAULT '{}',
        decided_sanction varchar(30) NULL,
        decided_level varchar(10) NULL,
        decided_on date NULL,
        decision_ref varchar(120) NULL,
        decided_by varchar(60) NULL,
        delivered_on date NULL,
        effective_from date NULL,
        effective_to date NULL,
        effective_explanation jsonb NULL,
        ended_on date NULL,
        dismissed_reason text NULL,
        deadlines jsonb NOT NULL DEFAULT '{}'::jsonb,
        overdue_steps text[] NOT NULL DEFAULT '{}',
        escalated boolean NOT NULL DEFAULT false,
        attendance_year smallint NULL,
        attendance_rung smallint NULL,
        attendance_facts jsonb NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // An attendance rung opens one case per employee and year (the scan may see the same month many times).
    await q.query(
      `CREATE UNIQUE INDEX discipline_cases_attendance_rung_uq ON discipline_cases(employee_id, attendance_year, attendance_rung) WHERE attendance_rung IS NOT NULL`,
    );
    await q.query(`CREATE INDEX discipline_cases_employee_idx ON discipline_cases(employee_id)`);
    await q.query(
      `CREATE INDEX discipline_cases_status_idx ON discipline_cases(status) WHERE status NOT IN ('ENDED','DISMISSED')`,
    );
    await q.query(`CREATE INDEX discipline_cases_officials_idx ON discipline_cases USING gin (competent_official_ids)`);
    await q.query(`
      CREATE TABLE discipline_case_transitions (
        id bigserial PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES discipline_cases(id) ON DELETE CASCADE,
        from_status varchar(12) NULL,
        to_status varchar(12) NOT NULL,
        action varchar(20) NOT NULL,
        actor varchar(60) NOT NULL,
        note text NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX discipline_case_transitions_case_idx ON discipline_case_transitions(case_id, id)`);
    await q.query(`
      CREATE TABLE discipline_escalations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES discipline_cases(id) ON DELETE CASCADE,
        step varchar(12) NOT NULL,
        kind varchar(20) NOT NULL,
        due_on date NOT NULL,
        detected_on date NOT NULL,
        resolved_on date NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (case_id, step)
      )`);
    // The read model for other features: one row per decided sanction once it takes effect.
    await q.query(`
      CREATE TABLE discipline_sanctions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL UNIQUE REFERENCES discipline_cases(id) ON DELETE CASCADE,
        employee_id uuid NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
        kind varchar(12) NOT NULL,
        sanction varchar(30) NOT NULL,
        level varchar(10) NOT NULL,
        months smallint NULL,
        allowance_cut numeric(5,4) NULL,
        decided_on date NOT NULL,
        effective_from date NOT NULL,
        effective_to date NULL,
        decision_ref varchar(120) NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX discipline_sanctions_employee_idx ON discipline_sanctions(employee_id, effective_from)`,
    );
    await q.query(`
      CREATE TABLE discipline_holidays (
        day date PRIMARY KEY,
        name varchar(200) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE discipline_rating_justifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        employee_id uuid NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
        subject_ref varchar(120) NOT NULL,
        from_month char(7) NOT NULL,
        to_month char(7) NOT NULL,
        behavior_rating varchar(24) NOT NULL,
        case_ids uuid[] NOT NULL,
        justification text NOT NULL,
        recorded_by varchar(60) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX discipline_rating_justifications_employee_idx ON discipline_rating_justifications(employee_id, created_at)`,
    );
    await q.query(`
      CREATE TABLE discipline_scan_state (
        name varchar(40) PRIMARY KEY,
        watermark timestamptz NOT NULL
      )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'discipline_scan_state',
      'discipline_rating_justifications',
      'discipline_holidays',
      'discipline_sanctions',
      'discipline_escalations',
      'discipline_case_transitions',
      'discipline_cases',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
    await q.query(`DROP SEQUENCE IF EXISTS discipline_case_number_seq`);
  }
}
