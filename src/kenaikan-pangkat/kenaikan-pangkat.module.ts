import { Module } from '@nestjs/common';
import { AngkaKreditModule } from '../angka-kredit/angka-kredit.module';
import { DisciplineReadModule } from '../discipline/discipline-read.module';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { PangkatRosterRepository } from '../org/pangkat-roster.repository';
import { OutcomesModule } from '../outcomes/outcomes.module';
import { KpCalendarController } from './kp-calendar.controller';
import { KpCalendarService } from './kp-calendar.service';
import { KpJobsHandler } from './kp-jobs.handler';

/** The kenaikan pangkat calendar (04 §3): the monthly KP scan and the office's calendar. */
@Module({
  imports: [AngkaKreditModule, DisciplineReadModule, EvaluationModule, OutcomesModule],
  controllers: [KpCalendarController],
  providers: [KpJobsHandler, KpCalendarService, PangkatRosterRepository],
  exports: [KpCalendarService],
})
export class KenaikanPangkatModule {}
