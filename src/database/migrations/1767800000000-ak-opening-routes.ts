import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Entries into a JF (spec 04 §4): an opening of the routes pengangkatan pertama, perpindahan, penyesuaian,
 * promosi and pengangkatan kembali keeps its inputs and the ak.opening explanation; the OPEN annex tables
 * (Lampiran II angka 3 and 5) become versioned data an admin extends.
 */
export class AkOpeningRoutes1767800000000 implements MigrationInterface {
  name = 'AkOpeningRoutes1767800000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ak_openings DROP CONSTRAINT IF EXISTS ak_openings_kind_check`);
    await q.query(`ALTER TABLE ak_openings ALTER COLUMN kind TYPE varchar(24)`);
    await q.query(`ALTER TABLE ak_openings ADD CONSTRAINT ak_openings_kind_check CHECK (kind IN
      ('INTEGRASI','AK_DASAR','PENGANGKATAN_PERTAMA','PERPINDAHAN','PENYESUAIAN','PROMOSI','PENGANGKATAN_KEMBALI'))`);
    await q.query(`ALTER TABLE ak_openings ADD COLUMN inputs jsonb NULL, ADD COLUMN explanation jsonb NULL`);
    await q.query(`
      CREATE TABLE ak_opening_tables (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        table_name varchar(12) NOT NULL CHECK (table_name IN ('perpindahan','penyesuaian')),
        version_id varchar(40) NOT NULL,
        effective_from date NOT NULL,
        legal_basis text NOT NULL,
        rows jsonb NOT NULL,
        created_by varchar(80) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ak_opening_tables_once UNIQUE (table_name, effective_from),
        CONSTRAINT ak_opening_tables_version UNIQUE (table_name, version_id)
      )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ak_opening_tables`);
    await q.query(`DELETE FROM ak_openings WHERE kind NOT IN ('INTEGRASI','AK_DASAR')`);
    await q.query(`ALTER TABLE ak_openings DROP COLUMN inputs, DROP COLUMN explanation`);
    await q.query(`ALTER TABLE ak_openings DROP CONSTRAINT ak_openings_kind_check`);
    await q.query(`ALTER TABLE ak_openings ALTER COLUMN kind TYPE varchar(12)`);
    await q.query(
      `ALTER TABLE ak_openings ADD CONSTRAINT ak_openings_kind_check CHECK (kind IN ('INTEGRASI','AK_DASAR'))`,
    );
  }
}
