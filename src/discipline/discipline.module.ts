import { Module } from '@nestjs/common';
import { OutcomesModule } from '../outcomes/outcomes.module';
import { CompetentOfficials, DisciplineCalendar } from './discipline-calendar.service';
import { DisciplineCasesService } from './discipline-cases.service';
import { AttendanceLadderScan } from './discipline-jobs.handler';
import { DisciplineReadModule } from './discipline-read';
import { DisciplineController } from './discipline.controller';
import { NeutralityElectionsController } from './neutrality-elections.controller';
import { NeutralityElectionsRepository } from './neutrality-elections.repository';
import { NeutralityElectionsService } from './neutrality-elections.service';

/** Discipline and netralitas ASN (issue 8): cases, workflow, attendance ladder, effects, overview and export. */
@Module({
  imports: [OutcomesModule, DisciplineReadModule],
  controllers: [DisciplineController, NeutralityElectionsController],
  providers: [
    DisciplineCasesService,
    DisciplineCalendar,
    CompetentOfficials,
    AttendanceLadderScan,
    NeutralityElectionsRepository,
    NeutralityElectionsService,
  ],
  exports: [DisciplineCasesService, AttendanceLadderScan, OutcomesModule, DisciplineReadModule],
})
export class DisciplineModule {}
