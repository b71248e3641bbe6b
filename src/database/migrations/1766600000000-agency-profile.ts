import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Agency identity used on official documents (one row), per-year number sequences for document
 * numbers, and the numbers issued (stable: printing a document again shows the same number).
 */
export class AgencyProfile1766600000000 implements MigrationInterface {
  name = 'AgencyProfile1766600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE agency_profile (
        id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        name varchar(200) NOT NULL,
        town varchar(100),
        letterhead jsonb NOT NULL DEFAULT '[]'::jsonb,
        logo_png bytea,
        pak_number_format varchar(120) NOT NULL DEFAULT 'PAK/{seq}/{year}',
        dekp_number_format varchar(120) NOT NULL DEFAULT 'DEKP/{seq}/{year}',
        officials jsonb NOT NULL DEFAULT '{}'::jsonb,
        tembusan jsonb NOT NULL DEFAULT '[]'::jsonb,
        version integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE agency_document_numbers (
        kind varchar(10) NOT NULL,
        year integer NOT NULL,
        subject varchar(120) NOT NULL,
        seq integer NOT NULL,
        number varchar(200) NOT NULL,
        issued_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (kind, year, subject),
        UNIQUE (kind, year, seq)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE agency_document_numbers`);
    await q.query(`DROP TABLE agency_profile`);
  }
}
