import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminOnly } from '../../identity/auth.decorators';
import { EmployeeListQuery, EmployeePageDto } from './employee-list.dto';
import { EmployeeSearchService } from './employee-search.service';
import { UnitTreePageDto, UnitTreeQuery } from './unit-tree.dto';
import { UnitTreeService } from './unit-tree.service';

/** The office's roster and organisation lists (ADMIN; 404 for everyone else). */
@ApiTags('organisation')
@ApiBearerAuth()
@Controller()
export class OrgListsController {
  constructor(
    private readonly employees: EmployeeSearchService,
    private readonly units: UnitTreeService,
  ) {}

  @AdminOnly()
  @Get('employees')
  @ApiOperation({
    summary:
      'Employees as of a date: search by name or NIP prefix, filter by unit (with sub-units), status, position kind, jenjang; ordered by NIP',
  })
  @ApiOkResponse({ type: EmployeePageDto })
  @ApiNotFoundResponse({ description: 'Not an ADMIN, or unknown unitCode' })
  listEmployees(@Query() q: EmployeeListQuery): Promise<EmployeePageDto> {
    return this.employees.list(q);
  }

  @AdminOnly()
  @Get('units')
  @ApiOperation({
    summary:
      'The unit tree depth-first, each unit with its head and employee counts; ?q= keeps matches and their ancestors',
  })
  @ApiOkResponse({ type: UnitTreePageDto })
  @ApiNotFoundResponse({ description: 'Not an ADMIN' })
  listUnits(@Query() q: UnitTreeQuery): Promise<UnitTreePageDto> {
    return this.units.tree(q);
  }
}
