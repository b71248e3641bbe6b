import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SIASN exchange (spec 04 §8): identity mapping (SIASN person id per employee, riwayat-jabatan id per JF
 * post), the push outbox with every attempt logged, manual push/import batches, and what SIASN holds
 * (imported read-side rows for reconciliation). Owned by src/siasn.
 */
export class Siasn1767830000000 implements MigrationInterface {
  name = 'Siasn1767830000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE siasn_identities (
        nip varchar(18) PRIMARY KEY,
        siasn_pns_id varchar(64) NOT NULL,
        source varchar(10) NOT NULL CHECK (source IN ('CSV','JSON','SIASN')),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE siasn_rw_jabatan (
        nip varchar(18) NOT NULL,
        tmt_jabatan date NOT NULL,
        rw_jabatan_id varchar(64) NOT NULL,
        jabatan_nama text NULL,
        source varchar(10) NOT NULL CHECK (source IN ('CSV','JSON','SIASN')),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (nip, tmt_jabatan)
      )`);
    await q.query(`
      CREATE TABLE siasn_outbox (
        id bigserial PRIMARY KEY,
        kind varchar(20) NOT NULL CHECK (kind IN ('SKP22','KINERJA_PERIODIK','ANGKA_KREDIT')),
        nip varchar(18) NOT NULL,
        natural_key varchar(200) NOT NULL,
        source_ref varchar(200) NOT NULL,
        payload_hash char(64) NOT NULL,
        payload jsonb NOT NULL,
        state varchar(12) NOT NULL CHECK (state IN ('PENDING','SENDING','SENT','FAILED','DEAD','SUPERSEDED')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NULL,
        siasn_id varchar(64) NULL,
        last_error text NULL,
        batch_id uuid NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One waiting row per natural key: a newer payload supersedes the older one (a row in flight is not).
    await q.query(`CREATE UNIQUE INDEX siasn_outbox_open_key ON siasn_outbox(natural_key) WHERE state = 'PENDING'`);
    await q.query(`CREATE INDEX siasn_outbox_key_idx ON siasn_outbox(natural_key, id)`);
    await q.query(`CREATE INDEX siasn_outbox_state_idx ON siasn_outbox(state, next_attempt_at)`);
    await q.query(`
      CREATE TABLE siasn_attempts (
        id bigserial PRIMARY KEY,
        outbox_id bigint NOT NULL REFERENCES siasn_outbox(id) ON DELETE CASCADE,
        attempt integer NOT NULL,
        step varchar(20) NOT NULL,
        request_hash char(64) NULL,
        http_status integer NULL,
        response text NULL,
        outcome varchar(12) NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX siasn_attempts_outbox_idx ON siasn_attempts(outbox_id, id)`);
    await q.query(`
      CREATE TABLE siasn_batches (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        type varchar(10) NOT NULL CHECK (type IN ('PUSH','IMPORT')),
        request jsonb NOT NULL,
        state varchar(10) NOT NULL CHECK (state IN ('QUEUED','RUNNING','DONE','FAILED')),
        total integer NOT NULL DEFAULT 0,
        done integer NOT NULL DEFAULT 0,
        problems jsonb NOT NULL DEFAULT '[]',
        requested_by varchar(60) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // What SIASN holds (read side, §8.4 names kept raw), replaced per (kind, nip) on each import.
    await q.query(`
      CREATE TABLE siasn_holdings (
        kind varchar(20) NOT NULL,
        nip varchar(18) NOT NULL,
        siasn_id varchar(64) NOT NULL,
        raw jsonb NOT NULL,
        imported_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (kind, nip, siasn_id)
      )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'siasn_holdings',
      'siasn_batches',
      'siasn_attempts',
      'siasn_outbox',
      'siasn_rw_jabatan',
      'siasn_identities',
    ])
      await q.query(`DROP TABLE IF EXISTS ${t} CASCADE`);
  }
}
