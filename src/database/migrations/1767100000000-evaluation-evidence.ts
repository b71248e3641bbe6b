import { MigrationInterface, QueryRunner } from 'typeorm';

/** Evidence files (bukti dukung) of an evaluation: metadata and SHA-256 here, the bytes in the configured storage. */
export class EvaluationEvidence1767100000000 implements MigrationInterface {
  name = 'EvaluationEvidence1767100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE evaluation_evidence (
        id uuid PRIMARY KEY,
        skp_id uuid NOT NULL REFERENCES skp(id),
        period varchar(7) NOT NULL,
        file_name varchar(200) NOT NULL,
        content_type varchar(100) NOT NULL,
        size_bytes bigint NOT NULL CHECK (size_bytes > 0),
        sha256 char(64) NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        storage_key varchar(120) NOT NULL UNIQUE,
        uploaded_by varchar(60) NOT NULL,
        uploaded_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX evaluation_evidence_by_period ON evaluation_evidence (skp_id, period, uploaded_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE evaluation_evidence`);
  }
}
