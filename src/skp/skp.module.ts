import { Module } from '@nestjs/common';
import { SkpAccess } from './skp-access.service';
import { SkpOrg } from './skp-org.service';
import { SkpQueriesRepository } from './skp-queries.repository';
import { SkpQueries } from './skp-queries.service';
import { SkpSegmentPlanner } from './skp-segment-planner.service';
import { SkpSegmentsRepository } from './skp-segments.repository';
import { SkpStatusReader } from './skp-status-reader.service';
import { SkpContentRepository } from './skp-content.repository';
import { SkpController } from './skp.controller';
import { SkpRepository } from './skp.repository';
import { SkpService } from './skp.service';
import { EmployeeEventHandler } from './employee-event.handler';

@Module({
  controllers: [SkpController],
  providers: [
    EmployeeEventHandler,

    SkpRepository,
    SkpService,
    SkpQueries,
    SkpQueriesRepository,
    SkpContentRepository,
    SkpOrg,
    SkpAccess,
    SkpStatusReader,
    SkpSegmentsRepository,
    SkpSegmentPlanner,
  ],
  exports: [SkpQueries, SkpAccess, SkpStatusReader, SkpContentRepository, SkpSegmentsRepository, SkpRepository],
})
export class SkpModule {}
