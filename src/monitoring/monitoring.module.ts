import { Module } from '@nestjs/common';
import { MonitoringController } from './monitoring.controller';
import { YearEndMonitorService } from './year-end-monitor.service';
import { YearEndProgressRepository } from './year-end-progress.repository';
import { YearEndSnapshotsService } from './year-end-snapshots.service';

/** The office's dashboards (API process only; read-only reports). */
@Module({
  controllers: [MonitoringController],
  providers: [YearEndMonitorService, YearEndProgressRepository, YearEndSnapshotsService],
})
export class MonitoringModule {}
