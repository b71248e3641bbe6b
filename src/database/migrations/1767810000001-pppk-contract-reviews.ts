import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * PPPK contracts and their review (spec 04 §6, PP 49/2018 Pasal 37): the perjanjian kerja in force per
 * employee (an extension adds the next one), and one review per contract, proposed six months before it
 * ends and decided by a person.
 */
export class PppkContractReviews1767810000001 implements MigrationInterface {
  name = 'PppkContractReviews1767810000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE pppk_contracts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        employee_id uuid NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
        starts_on date NULL,
        ends_on date NULL,
        reference varchar(120) NULL,
        source varchar(10) NOT NULL CHECK (source IN ('ADMIN','EXTENSION')),
        current boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (starts_on IS NULL OR ends_on IS NULL OR starts_on <= ends_on)
      )`);
    await q.query(`CREATE UNIQUE INDEX pppk_contracts_current_uq ON pppk_contracts(employee_id) WHERE current`);
    await q.query(`CREATE INDEX pppk_contracts_due_idx ON pppk_contracts(ends_on) WHERE current`);
    await q.query(`
      CREATE TABLE pppk_contract_reviews (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        contract_id uuid NOT NULL UNIQUE REFERENCES pppk_contracts(id) ON DELETE CASCADE,
        employee_id uuid NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
        subject jsonb NOT NULL,
        contract_end date NOT NULL,
        review_due date NOT NULL,
        latest_period varchar(7) NULL,
        latest_predicate varchar(20) NULL,
        proposal varchar(24) NULL CHECK (proposal IN ('EXTEND','EXTEND_WITH_COACHING','CONTRACT_NOT_EXTENDED')),
        warnings jsonb NOT NULL DEFAULT '[]'::jsonb,
        explanation jsonb NOT NULL,
        status varchar(10) NOT NULL DEFAULT 'PROPOSED' CHECK (status IN ('PROPOSED','DECIDED')),
        decision varchar(14) NULL CHECK (decision IN ('EXTEND','NOT_EXTENDED')),
        new_end date NULL,
        new_contract_id uuid NULL REFERENCES pppk_contracts(id),
        decided_on date NULL,
        decided_by varchar(60) NULL,
        decision_reason text NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX pppk_contract_reviews_status_idx ON pppk_contract_reviews(status, review_due)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE pppk_contract_reviews`);
    await q.query(`DROP TABLE pppk_contracts`);
  }
}
