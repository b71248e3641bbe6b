import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SKP planning (issue 5): the SKP with its results (RHK), indicators (IKI), BerAKHLAK behaviours,
 * lampiran and status history; plus `ppk_on(employee, date)`, the PPK resolution rule in SQL so
 * lists and reports can apply it set-based (same rule as OrgDirectory.ppkOf).
 */
export class SkpPlanning1764600000000 implements MigrationInterface {
  name = 'SkpPlanning1764600000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION ppk_on(emp uuid, d date) RETURNS uuid LANGUAGE sql STABLE AS $$
        SELECT COALESCE(
          (SELECT pd.ppk_id FROM ppk_delegations pd WHERE pd.employee_id = emp AND pd.valid_from <= d AND (pd.valid_to IS NULL OR pd.valid_to >= d) ORDER BY pd.valid_from DESC LIMIT 1),
          (SELECT ea.supervisor_id FROM employee_assignments ea WHERE ea.employee_id = emp AND ea.valid_from <= d AND (ea.valid_to IS NULL OR ea.valid_to > d) LIMIT 1))
      $$`);
    await q.query(`
      CREATE TABLE skp (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        employee_id uuid NOT NULL REFERENCES employees(id),
        year smallint NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        approach varchar(12) NOT NULL CHECK (approach IN ('KUANTITATIF','KUALITATIF')),
        form_type varchar(6) NOT NULL CHECK (form_type IN ('JPT','JA_JF')),
        status varchar(10) NOT NULL CHECK (status IN ('DRAFT','SUBMITTED','APPROVED')),
        lampiran jsonb NOT NULL DEFAULT '{}'::jsonb,
        rejection_reason text NULL,
        created_snapshot jsonb NOT NULL,
        approved_snapshot jsonb NULL,
        submitted_at timestamptz NULL,
        approved_at timestamptz NULL,
        approved_by uuid NULL REFERENCES employees(id),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT skp_one_per_year UNIQUE (employee_id, year)
      )`);
    await q.query(`CREATE INDEX skp_year_idx ON skp(year, employee_id)`);
    await q.query(`
      CREATE TABLE skp_results (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        skp_id uuid NOT NULL REFERENCES skp(id) ON DELETE CASCADE,
        position smallint NOT NULL,
        kind varchar(8) NOT NULL CHECK (kind IN ('UTAMA','TAMBAHAN')),
        text text NOT NULL,
        parent_result_id uuid NULL REFERENCES skp_results(id) ON DELETE RESTRICT
      )`);
    await q.query(`CREATE INDEX skp_results_skp_idx ON skp_results(skp_id, position)`);
    await q.query(
      `CREATE INDEX skp_results_parent_idx ON skp_results(parent_result_id) WHERE parent_result_id IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE skp_indicators (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        result_id uuid NOT NULL REFERENCES skp_results(id) ON DELETE CASCADE,
        position smallint NOT NULL,
        text text NOT NULL,
        aspect varchar(10) NULL CHECK (aspect IN ('KUANTITAS','KUALITAS','WAKTU','BIAYA')),
        perspective varchar(20) NULL CHECK (perspective IN ('PENERIMA_LAYANAN','PROSES_BISNIS','PENGUATAN_INTERNAL','ANGGARAN')),
        target text NULL,
        CONSTRAINT skp_indicators_one_dimension CHECK (aspect IS NULL OR perspective IS NULL)
      )`);
    await q.query(`CREATE INDEX skp_indicators_result_idx ON skp_indicators(result_id, position)`);
    await q.query(`
      CREATE TABLE skp_behaviors (
        skp_id uuid NOT NULL REFERENCES skp(id) ON DELETE CASCADE,
        core_value varchar(24) NOT NULL CHECK (core_value IN ('BERORIENTASI_PELAYANAN','AKUNTABEL','KOMPETEN','HARMONIS','LOYAL','ADAPTIF','KOLABORATIF')),
        special_expectation text NULL,
        PRIMARY KEY (skp_id, core_value)
      )`);
    await q.query(`
      CREATE TABLE skp_transitions (
        id bigserial PRIMARY KEY,
        skp_id uuid NOT NULL REFERENCES skp(id) ON DELETE CASCADE,
        from_status varchar(10) NULL,
        to_status varchar(10) NOT NULL,
        action varchar(10) NOT NULL,
        actor varchar(60) NOT NULL,
        reason text NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX skp_transitions_skp_idx ON skp_transitions(skp_id, id)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const t of ['skp_transitions', 'skp_behaviors', 'skp_indicators', 'skp_results', 'skp'])
      await q.query(`DROP TABLE IF EXISTS ${t} CASCADE`);
    await q.query(`DROP FUNCTION IF EXISTS ppk_on(uuid, date)`);
  }
}
