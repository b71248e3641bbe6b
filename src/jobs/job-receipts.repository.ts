import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../database/transaction';

/** The `job_receipts` table: one row per processed (queue, job id), written in the job's transaction. */
@Injectable()
export class JobReceiptsRepository extends BaseRepository {
  /** False when the receipt already exists (a duplicate delivery). */
  async claim(queue: string, jobId: string, jobName: string): Promise<boolean> {
    const rows: unknown[] = await this.db().query(
      `INSERT INTO job_receipts (queue, job_id, job_name) VALUES ($1, $2, $3) ON CONFLICT (queue, job_id) DO NOTHING RETURNING job_id`,
      [queue, jobId, jobName],
    );
    return rows.length > 0;
  }
}
