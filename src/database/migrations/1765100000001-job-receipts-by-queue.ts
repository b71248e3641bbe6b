import { MigrationInterface, QueryRunner } from 'typeorm';

/** Job ids are unique per queue only (scheduler and numeric ids repeat across queues): key receipts by both. */
export class JobReceiptsByQueue1765100000001 implements MigrationInterface {
  name = 'JobReceiptsByQueue1765100000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE job_receipts ADD COLUMN queue varchar(40) NOT NULL DEFAULT ''`);
    await q.query(`ALTER TABLE job_receipts DROP CONSTRAINT job_receipts_pkey`);
    await q.query(`ALTER TABLE job_receipts ADD PRIMARY KEY (queue, job_id)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE job_receipts DROP CONSTRAINT job_receipts_pkey`);
    await q.query(`DELETE FROM job_receipts a USING job_receipts b WHERE a.job_id = b.job_id AND a.queue > b.queue`);
    await q.query(`ALTER TABLE job_receipts ADD PRIMARY KEY (job_id)`);
    await q.query(`ALTER TABLE job_receipts DROP COLUMN queue`);
  }
}
