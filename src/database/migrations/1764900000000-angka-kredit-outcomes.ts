import { MigrationInterface, QueryRunner } from 'typeorm';

/** Angka kredit facts and ledger snapshots (with history), and reward/punishment outcomes. */
export class AngkaKreditOutcomes1764900000000 implements MigrationInterface {
  name = 'AngkaKreditOutcomes1764900000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ak_openings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        employee_id uuid NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
        kind varchar(12) NOT NULL CHECK (kind IN ('INTEGRASI','AK_DASAR')),
        conventional_total numeric(12,3) NULL,
        jenjang varchar(16) NOT NULL,
        golongan varchar(6) NOT NULL,
        amount numeric(12,3) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ak_openings_once UNIQUE (employee_id, jenjang)
      )`);
    await q.query(`
      CREATE TABLE ak_education (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        employee_id uuid NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
        degree varchar(10) NOT NULL,
        awarded_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ak_education_once UNIQUE (employee_id, degree)
      )`);
    // The ledger is recomputed from facts; each figure that changes becomes a new version, the old kept.
    await q.query(`
      CREATE TABLE ak_ledgers (
        employee_id uuid PRIMARY KEY REFERENCES employees(id) ON DELETE CASCADE,
        version integer NOT NULL,
        jenjang varchar(16) NOT NULL,
        golongan varchar(6) NOT NULL,
        balance numeric(12,3) NOT NULL,
        figures_hash char(64) NOT NULL,
        result jsonb NOT NULL,
        computed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE ak_ledger_history (
        employee_id uuid NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
        version integer NOT NULL,
        balance numeric(12,3) NOT NULL,
        result jsonb NOT NULL,
        cause varchar(120) NOT NULL,
        computed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (employee_id, version)
      )`);
    await q.query(`
      CREATE TABLE outcomes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        employee_id uuid NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
        type varchar(40) NOT NULL,
        key varchar(300) NOT NULL UNIQUE,
        status varchar(10) NOT NULL,
        reason text NOT NULL,
        legal_basis text NOT NULL,
        effective_from date NULL,
        effective_to date NULL,
        source_kind varchar(30) NOT NULL,
        source_id varchar(200) NOT NULL,
        period varchar(7) NULL,
        explanation jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX outcomes_employee_idx ON outcomes(employee_id, created_at)`);
    await q.query(`CREATE INDEX outcomes_type_idx ON outcomes(type, period)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const t of ['outcomes', 'ak_ledger_history', 'ak_ledgers', 'ak_education', 'ak_openings'])
      await q.query(`DROP TABLE IF EXISTS ${t}`);
  }
}
