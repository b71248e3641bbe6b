import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Evaluation cycle, part 2: the reference date an evaluation is judged on (frozen at rating), the
 * identity blocks printed on the DEKP (frozen at issue), the distribution report at finalisation and
 * after an appeal decision. (Revisions: the first FINAL is revision 0; each ADMIN correction adds 1.)
 */
export class EvaluationSnapshots1764700000001 implements MigrationInterface {
  name = 'EvaluationSnapshots1764700000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE evaluations ADD COLUMN ref_date date NULL`);
    await q.query(`ALTER TABLE evaluations ADD COLUMN snapshot jsonb NULL`);
    await q.query(`ALTER TABLE evaluations ADD COLUMN distribution_report jsonb NULL`);
    await q.query(`ALTER TABLE evaluations ADD COLUMN decision_distribution_report jsonb NULL`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const c of ['decision_distribution_report', 'distribution_report', 'snapshot', 'ref_date'])
      await q.query(`ALTER TABLE evaluations DROP COLUMN IF EXISTS ${c}`);
  }
}
