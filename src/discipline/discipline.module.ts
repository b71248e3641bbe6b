import { Module } from '@nestjs/common';
import { AttendanceReadModule } from '../allowance/attendance-reader.repository';
import { RuleSetsReadModule } from '../allowance/rule-sets-read.module';
import { OutcomesModule } from '../outcomes/outcomes.module';
import { AttendanceLadderScan } from './attendance-ladder.service';
import { CompetentOfficials, DisciplineCalendar } from './discipline-calendar.service';
import { DisciplineCaseSteps } from './discipline-case-steps.service';
import { DisciplineIntakeService } from './discipline-intake.service';
import { DisciplineQueriesService } from './discipline-queries.service';
import { DisciplineSweepsService } from './discipline-sweeps.service';
import { DisciplineWorkflowService } from './discipline-workflow.service';
import { DisciplineCasesRepository } from './discipline-cases.repository';
import { DisciplineHolidaysRepository } from './discipline-holidays.repository';
import { DisciplineReadModule } from './discipline-read.module';
import { DisciplineController } from './discipline.controller';
import { NeutralityElectionsController } from './neutrality-elections.controller';
import { NeutralityElectionsRepository } from './neutrality-elections.repository';
import { NeutralityElectionsService } from './neutrality-elections.service';
import { DisciplineJobsHandler } from './discipline-jobs.handler';

/** Discipline and netralitas ASN (issue 8): cases, workflow, attendance ladder, effects, overview and export. */
@Module({
  imports: [OutcomesModule, DisciplineReadModule, AttendanceReadModule, RuleSetsReadModule],
  controllers: [DisciplineController, NeutralityElectionsController],
  providers: [
    DisciplineJobsHandler,

    DisciplineCasesRepository,
    DisciplineHolidaysRepository,
    DisciplineCaseSteps,
    DisciplineIntakeService,
    DisciplineWorkflowService,
    DisciplineSweepsService,
    DisciplineQueriesService,
    DisciplineCalendar,
    CompetentOfficials,
    AttendanceLadderScan,
    NeutralityElectionsRepository,
    NeutralityElectionsService,
  ],
  exports: [
    DisciplineCasesRepository,
    DisciplineIntakeService,
    DisciplineSweepsService,
    AttendanceLadderScan,
    OutcomesModule,
    DisciplineReadModule,
  ],
})
export class DisciplineModule {}
