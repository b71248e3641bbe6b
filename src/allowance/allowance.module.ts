import { Module } from '@nestjs/common';
import { DisciplineReadModule } from '../discipline/discipline-read.module';
import { FinalPredicatesReader } from '../evaluation/final-predicates.repository';
import { EmploymentHistoryModule } from '../org/employment-history';
import { AllowanceCutsReader } from './allowance-cuts.repository';
import { AllowanceMonthsRepository } from './allowance-months.repository';
import { AllowanceRunHandler } from './allowance-run.handler';
import { AllowanceRunsRepository } from './allowance-runs.repository';
import { AllowanceRunsService } from './allowance-runs.service';
import { AllowanceController } from './allowance.controller';
import { AttendanceController } from './attendance.controller';
import { AttendanceRepository } from './attendance.repository';
import { AttendanceService } from './attendance.service';
import { LineComputer } from './line-computer.service';
import { LineWriter } from './line-writer.service';
import { AllowanceLinesRepository } from './allowance-lines.repository';
import { MyAllowancesController } from './my-allowances.controller';
import { MyAllowancesRepository } from './my-allowances.repository';
import { MyAllowancesService } from './my-allowances.service';
import { PayrollController } from './payroll.controller';
import { PayrollLinesRepository } from './payroll-lines.repository';
import { PayrollService } from './payroll.service';
import { PredicateFinder } from './predicate-finder.service';
import { RuleSetsReadModule } from './rule-sets-read.module';
import { RuleSetsService } from './rule-sets.service';
import { WorkingDaysRepository } from './working-days.repository';
import { WorkingDaysService } from './working-days.service';

/** Allowances (TPP / tukin): rule sets, working days, attendance, monthly runs, month close, payroll pull. */
@Module({
  imports: [DisciplineReadModule, EmploymentHistoryModule, RuleSetsReadModule],
  controllers: [AllowanceController, AttendanceController, PayrollController, MyAllowancesController],
  providers: [
    AllowanceRunHandler,
    RuleSetsService,
    WorkingDaysRepository,
    WorkingDaysService,
    AttendanceRepository,
    AllowanceMonthsRepository,
    AllowanceRunsRepository,
    AttendanceService,
    AllowanceRunsService,
    LineComputer,
    LineWriter,
    AllowanceLinesRepository,
    PayrollService,
    PayrollLinesRepository,
    PredicateFinder,
    // The evaluation feature's published read port (stateless): FINAL predikat of DEFINITIVE SKPs.
    FinalPredicatesReader,
    MyAllowancesRepository,
    MyAllowancesService,
    AllowanceCutsReader,
  ],
  // The run handler (registered in the worker) uses the run and month repositories; outcomes read cuts.
  exports: [
    RuleSetsService,
    WorkingDaysService,
    AllowanceMonthsRepository,
    AllowanceRunsRepository,
    LineComputer,
    LineWriter,
    EmploymentHistoryModule,
    AllowanceCutsReader,
  ],
})
export class AllowanceModule {}
