import { Module } from '@nestjs/common';
import { AuditAdminModule } from './audit/audit-admin.module';
import { CoreModule } from './core.module';
import { FEATURE_MODULES } from './feature-modules';
import { HealthModule } from './health/health.module';
import { JobsAdminModule } from './jobs/jobs-admin.module';
import { MonitoringModule } from './monitoring/monitoring.module';

/** The HTTP API process. */
@Module({
  imports: [CoreModule, HealthModule, JobsAdminModule, ...FEATURE_MODULES, MonitoringModule, AuditAdminModule],
})
export class AppModule {}
