import { Module } from '@nestjs/common';
import { CoreModule } from './core.module';
import { FEATURE_MODULES } from './feature-modules';
import { HealthModule } from './health/health.module';
import { JobsAdminModule } from './jobs/jobs-admin.module';

/** The HTTP API process. */
@Module({ imports: [CoreModule, HealthModule, JobsAdminModule, ...FEATURE_MODULES] })
export class AppModule {}
