import { Injectable } from '@nestjs/common';
import { JobHandler } from '../jobs/job-handler.decorator';
import { EmployeeCreatedJob } from './org.job';
import { EmployeesRepository } from './employees.repository';

/** A new employee exists; later features (webhooks) hang their fan-out here. */
@Injectable()
export class EmployeeCreatedHandler {
  constructor(private readonly employees: EmployeesRepository) {}

  @JobHandler(EmployeeCreatedJob)
  async handle(payload: Record<string, unknown>): Promise<{ employeeId: string; exists: boolean }> {
    const employeeId = String(payload.employeeId);
    return { employeeId, exists: await this.employees.exists(employeeId) };
  }
}
