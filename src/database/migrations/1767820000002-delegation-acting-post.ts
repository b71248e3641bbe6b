import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A Plt delegation names the acting post's kelas jabatan and level (spec 04 §5.1–§5.3: the Plt add-on is
 * a share of the Plt post's TPP; at a higher level the Plt post's TPP is paid). Null on older rows: the
 * allowance line then says the Plt post is unknown (ACTING_POST_MISSING) instead of guessing.
 */
export class DelegationActingPost1767820000002 implements MigrationInterface {
  name = 'DelegationActingPost1767820000002';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE ppk_delegations
        ADD COLUMN acting_kelas_jabatan smallint NULL CHECK (acting_kelas_jabatan BETWEEN 1 AND 17),
        ADD COLUMN acting_level varchar(6) NULL CHECK (acting_level IN ('SAME','HIGHER'))`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE ppk_delegations DROP COLUMN IF EXISTS acting_level, DROP COLUMN IF EXISTS acting_kelas_jabatan`,
    );
  }
}
