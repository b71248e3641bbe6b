import { MigrationInterface, QueryRunner } from 'typeorm';

/** Tokens carry the account's token version; disabling, a role change or a new password bumps it (revokes them). */
export class AccountTokenVersion1766300000000 implements MigrationInterface {
  name = 'AccountTokenVersion1766300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE user_accounts ADD COLUMN token_version integer NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE user_accounts DROP COLUMN token_version`);
  }
}
