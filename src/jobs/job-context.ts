import type { EntityManager } from 'typeorm';

export interface JobContext {
  jobId: string;
  jobName: string;
  attempt: number;
  /** Present for transactional handlers: the transaction the receipt is written in. */
  manager: EntityManager;
  updateProgress(progress: number | object): Promise<void>;
}
