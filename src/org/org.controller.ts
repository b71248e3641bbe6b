import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../identity/auth.decorators';
import { CurrentPrincipal } from '../identity/current-principal.decorator';
import { Principal } from '../identity/principal';
import { CreateEmployeeDto, CreateUnitDto, MutateEmployeeDto, OnDateQuery } from './dto/employee.dto';
import { EmployeesService } from './employees.service';
import { UnitsService } from './units.service';
import { ApiResult } from '../openapi/api-result.decorator';

@ApiTags('organisation')
@ApiBearerAuth()
@Controller()
export class OrgController {
  constructor(
    private readonly units: UnitsService,
    private readonly employees: EmployeesService,
  ) {}

  @Roles('ADMIN')
  @Post('units')
  @ApiOperation({ summary: 'Create a unit (satuan organisasi) in the tree' })
  @ApiResult('UnitView', 201, 'Created')
  createUnit(@Body() dto: CreateUnitDto) {
    return this.units.create(dto);
  }

  @Get('units/:code')
  @ApiResult('UnitView')
  getUnit(@Param('code') code: string) {
    return this.units.get(code);
  }

  @Roles('ADMIN')
  @Post('employees')
  @ApiOperation({ summary: 'Create an employee (PNS/PPPK) with position, golongan, unit and supervisor' })
  @ApiResult('EmployeeRecord', 201, 'Created')
  createEmployee(@Body() dto: CreateEmployeeDto) {
    return this.employees.create(dto);
  }

  @Get('employees/:nip')
  @ApiOperation({ summary: 'An employee as of a date (?on=YYYY-MM-DD), with PPK, atasan PPK and history' })
  @ApiResult('EmployeeDetail')
  getEmployee(@CurrentPrincipal() p: Principal, @Param('nip') nip: string, @Query() q: OnDateQuery) {
    return this.employees.get(p, nip, q.on);
  }

  @Roles('ADMIN')
  @Patch('employees/:nip')
  @ApiOperation({
    summary:
      'Mutation (mutasi/promosi) from an effective date, history kept; and/or the personal data of the PAK (no date needed)',
  })
  @ApiResult('EmployeeRecord')
  mutateEmployee(@Param('nip') nip: string, @Body() dto: MutateEmployeeDto) {
    return this.employees.mutate(nip, dto);
  }
}
