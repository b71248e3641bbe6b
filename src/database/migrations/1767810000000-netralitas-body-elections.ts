import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Netralitas after KASN (spec 04 §7): elections as data (penetapan pasangan calon decides BAKAL_CALON vs
 * CALON), and on every netralitas case the recommending body of the act date, the election and stage
 * explanation, and `listening_only` for the examiner.
 */
export class NetralitasBodyElections1767810000000 implements MigrationInterface {
  name = 'NetralitasBodyElections1767810000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE neutrality_elections (
        code varchar(40) PRIMARY KEY CHECK (code ~ '^[A-Z0-9_]{3,40}$'),
        kind varchar(8) NOT NULL CHECK (kind IN ('PEMILU','PILKADA')),
        name varchar(200) NOT NULL,
        window_from date NOT NULL,
        window_to date NOT NULL,
        penetapan date NOT NULL,
        legal_basis varchar(300) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (window_from <= penetapan AND penetapan <= window_to)
      )`);
    // 04 §7 (CONFIRMED dates, PKPU 2/2024): the default row of `neutrality.elections`.
    await q.query(
      `INSERT INTO neutrality_elections (code, kind, name, window_from, window_to, penetapan, legal_basis)
       VALUES ('PILKADA_2024', 'PILKADA', 'Pemilihan Kepala Daerah Serentak 2024', '2024-01-01', '2024-12-31', '2024-09-22',
               'PKPU 2/2024 (penetapan pasangan calon 22 September 2024)')`,
    );
    await q.query(`
      ALTER TABLE discipline_cases
        ADD COLUMN recommending_body varchar(20) NULL,
        ADD COLUMN recommending_body_explanation jsonb NULL,
        ADD COLUMN election_code varchar(40) NULL,
        ADD COLUMN stage_source varchar(10) NULL CHECK (stage_source IN ('ELECTION','REPORTED')),
        ADD COLUMN stage_explanation jsonb NULL,
        ADD COLUMN listening_only boolean NULL`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE discipline_cases
        DROP COLUMN listening_only, DROP COLUMN stage_explanation, DROP COLUMN stage_source,
        DROP COLUMN election_code, DROP COLUMN recommending_body_explanation, DROP COLUMN recommending_body`);
    await q.query(`DROP TABLE neutrality_elections`);
  }
}
