/** A job that used up its attempts. */
export interface FailedJobView {
  queue: string;
  id: string;
  name: string;
  attemptsMade: number;
  failedReason: string;
  failedAt: string | null;
  /** The job's payload (event ids, months, …). */
  data: Record<string, unknown>;
}

/** `GET /jobs/failed`: the failed jobs of one queue or of every queue, up to `limit` from each. */
export interface FailedJobList {
  items: FailedJobView[];
  nextCursor: null;
}
