import { defineEvent } from '../jobs/job-declaration';

export const AllowanceRunRequested = defineEvent<{ runId: string }>(
  'AllowanceRunRequested',
  'A monthly allowance run (or a correction run) was requested.',
);

export const AllowanceRunChunkReady = defineEvent<{ runId: string; chunkNo: number }>(
  'AllowanceRunChunkReady',
  'One chunk of employees of a run is ready to compute.',
);

export const AllowanceMonthClosed = defineEvent<{ month: string }>(
  'AllowanceMonthClosed',
  'An allowance month was closed.',
);

export const AttendanceIngested = defineEvent<{ month: string; batchId: string }>(
  'AttendanceIngested',
  'A batch of attendance figures was ingested for a month.',
);
