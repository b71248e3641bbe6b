import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Evaluation cycle (issue 6): periodic cadence per year, evaluations per SKP × period with their
 * realisations, feedback and transitions; organisation performance per unit × period.
 *
 * `evaluations` is a shared contract (angka kredit and allowance jobs read it): keep the column names.
 */
export class Evaluations1764700000000 implements MigrationInterface {
  name = 'Evaluations1764700000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE evaluation_cadences (
        year smallint PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
        cadence varchar(10) NOT NULL CHECK (cadence IN ('MONTHLY','QUARTERLY')),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE evaluations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        skp_id uuid NOT NULL REFERENCES skp(id),
        employee_id uuid NOT NULL REFERENCES employees(id),
        period varchar(7) NOT NULL,
        period_kind varchar(10) NOT NULL CHECK (period_kind IN ('ANNUAL','QUARTERLY','MONTHLY')),
        from_month varchar(7) NOT NULL,
        to_month varchar(7) NOT NULL,
        unit_id uuid NULL REFERENCES units(id),
        is_unit_head boolean NOT NULL DEFAULT false,
        ppk_id uuid NULL REFERENCES employees(id),
        status varchar(10) NOT NULL CHECK (status IN ('DRAFT','SUBMITTED','RATED','ISSUED','OBJECTED','FINAL')),
        result_rating varchar(20) NULL CHECK (result_rating IN ('DI_ATAS_EKSPEKTASI','SESUAI_EKSPEKTASI','DI_BAWAH_EKSPEKTASI')),
        behavior_rating varchar(20) NULL CHECK (behavior_rating IN ('DI_ATAS_EKSPEKTASI','SESUAI_EKSPEKTASI','DI_BAWAH_EKSPEKTASI')),
        predicate varchar(16) NULL CHECK (predicate IN ('SANGAT_BAIK','BAIK','BUTUH_PERBAIKAN','KURANG','SANGAT_KURANG')),
        explanation jsonb NULL,
        note text NULL,
        rated_at timestamptz NULL,
        rated_by uuid NULL REFERENCES employees(id),
        issued_at timestamptz NULL,
        objection_deadline timestamptz NULL,
        distribution_justification text NULL,
        objection_reason text NULL,
        objected_at timestamptz NULL,
        ppk_explanation text NULL,
        decision_note text NULL,
        decided_at timestamptz NULL,
        decided_by uuid NULL REFERENCES employees(id),
        original_result_rating varchar(20) NULL,
        original_behavior_rating varchar(20) NULL,
        original_predicate varchar(16) NULL,
        finalized_at timestamptz NULL,
        finalized_by varchar(20) NULL CHECK (finalized_by IN ('ACCEPT','DECISION','EXPIRY','CORRECTION')),
        revision integer NOT NULL DEFAULT 0,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT evaluations_skp_period UNIQUE (skp_id, period),
        CONSTRAINT evaluations_months CHECK (from_month <= to_month)
      )`);
    await q.query(`CREATE INDEX evaluations_employee_idx ON evaluations(employee_id, period)`);
    await q.query(`CREATE INDEX evaluations_unit_period_idx ON evaluations(unit_id, period)`);
    await q.query(
      `CREATE INDEX evaluations_issued_deadline_idx ON evaluations(objection_deadline) WHERE status = 'ISSUED'`,
    );
    await q.query(`
      CREATE TABLE evaluation_realizations (
        evaluation_id uuid NOT NULL REFERENCES evaluations(id) ON DELETE CASCADE,
        indicator_id uuid NOT NULL REFERENCES skp_indicators(id),
        realization text NOT NULL,
        evidence_urls text[] NOT NULL DEFAULT '{}',
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (evaluation_id, indicator_id)
      )`);
    // One row per feedback item: target is either a result (RHK) or a core value.
    await q.query(`
      CREATE TABLE evaluation_feedback (
        evaluation_id uuid NOT NULL REFERENCES evaluations(id) ON DELETE CASCADE,
        target_kind varchar(10) NOT NULL CHECK (target_kind IN ('RESULT','CORE_VALUE')),
        target varchar(40) NOT NULL,
        text text NOT NULL,
        PRIMARY KEY (evaluation_id, target_kind, target)
      )`);
    await q.query(`
      CREATE TABLE evaluation_transitions (
        id bigserial PRIMARY KEY,
        evaluation_id uuid NOT NULL REFERENCES evaluations(id) ON DELETE CASCADE,
        from_status varchar(10) NULL,
        to_status varchar(10) NOT NULL,
        action varchar(20) NOT NULL,
        actor varchar(60) NOT NULL,
        reason text NULL,
        revision integer NOT NULL DEFAULT 0,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX evaluation_transitions_eval_idx ON evaluation_transitions(evaluation_id, id)`);
    // Revisions of a FINAL evaluation (ADMIN corrections): the superseded values are kept.
    await q.query(`
      CREATE TABLE evaluation_revisions (
        evaluation_id uuid NOT NULL REFERENCES evaluations(id) ON DELETE CASCADE,
        revision integer NOT NULL,
        result_rating varchar(20) NOT NULL,
        behavior_rating varchar(20) NOT NULL,
        predicate varchar(16) NOT NULL,
        explanation jsonb NULL,
        reason text NULL,
        created_by varchar(60) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (evaluation_id, revision)
      )`);
    await q.query(`
      CREATE TABLE unit_performance (
        unit_id uuid NOT NULL REFERENCES units(id),
        period varchar(7) NOT NULL,
        predicate varchar(16) NOT NULL CHECK (predicate IN ('ISTIMEWA','BAIK','BUTUH_PERBAIKAN','KURANG','SANGAT_KURANG')),
        note text NULL,
        set_by varchar(60) NOT NULL,
        set_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (unit_id, period)
      )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'unit_performance',
      'evaluation_revisions',
      'evaluation_transitions',
      'evaluation_feedback',
      'evaluation_realizations',
      'evaluations',
      'evaluation_cadences',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${t} CASCADE`);
    }
  }
}
