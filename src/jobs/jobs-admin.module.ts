import { Module } from '@nestjs/common';
import { FailedJobsController } from './failed-jobs.controller';

/** HTTP views of the job system (API process only). */
@Module({ controllers: [FailedJobsController] })
export class JobsAdminModule {}
