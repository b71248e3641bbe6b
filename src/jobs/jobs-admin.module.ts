import { Module } from '@nestjs/common';
import { FailedJobRetryController } from './failed-job-retry.controller';
import { FailedJobsController } from './failed-jobs.controller';

/** HTTP views of the job system (API process only). */
@Module({ controllers: [FailedJobsController, FailedJobRetryController] })
export class JobsAdminModule {}
