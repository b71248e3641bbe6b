import { Module } from '@nestjs/common';
import { AuditAdminModule } from './audit/audit-admin.module';
import { CoreModule } from './core.module';
import { FeaturesModule } from './features.module';
import { HealthModule } from './health/health.module';
import { JobsAdminModule } from './jobs/jobs-admin.module';
import { MonitoringModule } from './monitoring/monitoring.module';

/** The HTTP API process: the features in the order their routes appear in the API docs. */
@Module({
  imports: [CoreModule, HealthModule, JobsAdminModule, FeaturesModule, MonitoringModule, AuditAdminModule],
})
export class AppModule {}
