import { Module } from '@nestjs/common';
import { DelegationsController } from './delegations.controller';
import { DelegationsService } from './delegations.service';
import { EmployeeImportController } from './employee-import.controller';
import { EmployeesService } from './employees.service';
import { GapsService } from './gaps.service';
import { EmployeeImportService } from './import/employee-import.service';
import { OrgReportsController } from './org-reports.controller';
import { OrgController } from './org.controller';
import { UnitsService } from './units.service';

@Module({
  // EmployeeImportController first: POST /employees/import must not be shadowed by other /employees routes.
  controllers: [EmployeeImportController, OrgController, DelegationsController, OrgReportsController],
  providers: [UnitsService, EmployeesService, DelegationsService, GapsService, EmployeeImportService],
  exports: [UnitsService, EmployeesService],
})
export class OrgModule {}
