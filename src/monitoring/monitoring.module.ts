import { Module } from '@nestjs/common';
import { MonitoringController } from './monitoring.controller';
import { YearEndMonitorService } from './year-end-monitor.service';
import { YearEndProgressStore } from './year-end-progress.store';
import { YearEndSnapshotsService } from './year-end-snapshots.service';

/** The office's dashboards (API process only; read-only reports). */
@Module({
  controllers: [MonitoringController],
  providers: [YearEndMonitorService, YearEndProgressStore, YearEndSnapshotsService],
})
export class MonitoringModule {}
