export interface JobContext {
  jobId: string;
  jobName: string;
  attempt: number;
  updateProgress(progress: number | object): Promise<void>;
}
