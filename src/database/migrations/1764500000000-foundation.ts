import { MigrationInterface, QueryRunner } from 'typeorm';

/** Foundation: organisation with effective-dated assignments, accounts, API keys, audit log, outbox. */
export class Foundation1764500000000 implements MigrationInterface {
  name = 'Foundation1764500000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await q.query(`
      CREATE TABLE units (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(40) NOT NULL UNIQUE,
        name varchar(200) NOT NULL,
        parent_id uuid NULL REFERENCES units(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX units_parent_idx ON units(parent_id)`);
    await q.query(`
      CREATE TABLE employees (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        nip char(18) NOT NULL UNIQUE,
        name varchar(200) NOT NULL,
        status varchar(8) NOT NULL CHECK (status IN ('PNS','PPPK')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One row per (employee, period of validity): a mutation closes the open row and adds a new one.
    await q.query(`
      CREATE TABLE employee_assignments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        employee_id uuid NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
        valid_from date NOT NULL,
        valid_to date NULL,
        unit_id uuid NOT NULL REFERENCES units(id),
        golongan varchar(6) NOT NULL,
        supervisor_id uuid NULL REFERENCES employees(id),
        position_title varchar(200) NOT NULL,
        position_kind varchar(16) NOT NULL,
        jenjang varchar(16) NULL,
        kelas_jabatan smallint NOT NULL CHECK (kelas_jabatan BETWEEN 1 AND 17),
        is_unit_head boolean NOT NULL DEFAULT false,
        tmt date NOT NULL,
        reason varchar(200) NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT employee_assignments_range CHECK (valid_to IS NULL OR valid_to > valid_from),
        CONSTRAINT employee_assignments_unique_start UNIQUE (employee_id, valid_from)
      )`);
    await q.query(
      `CREATE INDEX employee_assignments_supervisor_idx ON employee_assignments(supervisor_id, valid_from)`,
    );
    await q.query(`CREATE INDEX employee_assignments_unit_idx ON employee_assignments(unit_id, valid_from)`);
    await q.query(`
      CREATE TABLE ppk_delegations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        employee_id uuid NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
        ppk_id uuid NOT NULL REFERENCES employees(id),
        kind varchar(10) NOT NULL CHECK (kind IN ('PLT','PLH','DELEGASI')),
        valid_from date NOT NULL,
        valid_to date NULL,
        reason varchar(300) NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ppk_delegations_range CHECK (valid_to IS NULL OR valid_to >= valid_from)
      )`);
    await q.query(`CREATE INDEX ppk_delegations_employee_idx ON ppk_delegations(employee_id, valid_from)`);
    await q.query(`CREATE INDEX ppk_delegations_ppk_idx ON ppk_delegations(ppk_id, valid_from)`);
    await q.query(`
      CREATE TABLE user_accounts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        nip char(18) NOT NULL UNIQUE,
        password_hash varchar(200) NOT NULL,
        role varchar(10) NOT NULL CHECK (role IN ('ADMIN','EMPLOYEE')),
        employee_id uuid NULL UNIQUE REFERENCES employees(id) ON DELETE CASCADE,
        disabled boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(100) NOT NULL,
        prefix varchar(16) NOT NULL UNIQUE,
        key_hash char(64) NOT NULL,
        scopes text[] NOT NULL,
        created_by varchar(40) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz NULL,
        revoked_at timestamptz NULL
      )`);
    await q.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor varchar(60) NOT NULL,
        actor_kind varchar(10) NOT NULL,
        action varchar(60) NOT NULL,
        entity_type varchar(40) NOT NULL,
        entity_id varchar(80) NOT NULL,
        before jsonb NULL,
        after jsonb NULL,
        reason text NULL,
        correlation_id varchar(80) NOT NULL
      )`);
    await q.query(`CREATE INDEX audit_log_entity_idx ON audit_log(entity_type, entity_id, id)`);
    // Append-only: the database itself refuses edits and deletes of audit rows.
    await q.query(`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$`);
    await q.query(
      `CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`,
    );
    await q.query(`
      CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        event_type varchar(60) NOT NULL,
        aggregate_type varchar(40) NOT NULL,
        aggregate_id varchar(80) NOT NULL,
        payload jsonb NOT NULL,
        dedupe_key varchar(200) NULL UNIQUE,
        correlation_id varchar(80) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        dispatched_at timestamptz NULL,
        attempts integer NOT NULL DEFAULT 0,
        last_error text NULL
      )`);
    await q.query(`CREATE INDEX outbox_pending_idx ON outbox(id) WHERE dispatched_at IS NULL`);
    // One row per processed job id: handlers write it in their own transaction, so a replay is a no-op.
    await q.query(`
      CREATE TABLE job_receipts (
        job_id varchar(200) PRIMARY KEY,
        job_name varchar(80) NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'job_receipts',
      'outbox',
      'audit_log',
      'api_keys',
      'user_accounts',
      'ppk_delegations',
      'employee_assignments',
      'employees',
      'units',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${t} CASCADE`);
    }
    await q.query(`DROP FUNCTION IF EXISTS audit_log_append_only()`);
  }
}
