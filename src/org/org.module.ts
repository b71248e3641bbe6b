import { Module } from '@nestjs/common';
import { EmployeesService } from './employees.service';
import { OrgController } from './org.controller';
import { UnitsService } from './units.service';

@Module({ controllers: [OrgController], providers: [UnitsService, EmployeesService], exports: [UnitsService, EmployeesService] })
export class OrgModule {}
