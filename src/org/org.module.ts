import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { SkpModule } from '../skp/skp.module';
import { DelegationsController } from './delegations.controller';
import { DelegationsRepository } from './delegations.repository';
import { DelegationsService } from './delegations.service';
import { EmployeeEventsRepository } from './employee-events.repository';
import { EmployeeEventsService } from './employee-events.service';
import { EmployeeImportController } from './employee-import.controller';
import { EmployeesRepository } from './employees.repository';
import { EmployeesService } from './employees.service';
import { GapsService } from './gaps.service';
import { EmployeeImportRepository } from './import/employee-import.repository';
import { EmployeeImportService } from './import/employee-import.service';
import { EmployeeSearchService } from './lists/employee-search.service';
import { OrgListsController } from './lists/org-lists.controller';
import { UnitTreeService } from './lists/unit-tree.service';
import { OrgListsRepository } from './org-lists.repository';
import { OrgReportsController } from './org-reports.controller';
import { OrgController } from './org.controller';
import { UnitsRepository } from './units.repository';
import { UnitsService } from './units.service';
import { EmployeeCreatedHandler } from './employee-created.handler';

@Module({
  // The import creates accounts with hashed passwords (PasswordHasher).
  imports: [IdentityModule, SkpModule],
  // EmployeeImportController first: POST /employees/import must not be shadowed by other /employees routes.
  controllers: [
    EmployeeImportController,
    OrgListsController,
    OrgController,
    DelegationsController,
    OrgReportsController,
  ],
  providers: [
    EmployeeCreatedHandler,

    OrgListsRepository,
    UnitsRepository,
    EmployeesRepository,
    EmployeeEventsRepository,
    EmployeeEventsService,
    DelegationsRepository,
    EmployeeImportRepository,
    UnitsService,
    EmployeesService,
    DelegationsService,
    GapsService,
    EmployeeImportService,
    EmployeeSearchService,
    UnitTreeService,
  ],
  exports: [UnitsService, EmployeesService, EmployeesRepository],
})
export class OrgModule {}
