import { Injectable } from '@nestjs/common';
import { JobContext } from '../jobs/job-context';
import { JobHandler } from '../jobs/job-handler.decorator';

/** A new employee exists; later features (webhooks) hang their fan-out here. */
@Injectable()
export class EmployeeCreatedHandler {
  @JobHandler('org.employee-created')
  async handle(payload: Record<string, unknown>, ctx: JobContext): Promise<{ employeeId: string; exists: boolean }> {
    const rows = await ctx.manager.query(`SELECT 1 FROM employees WHERE id = $1`, [payload.employeeId]);
    return { employeeId: String(payload.employeeId), exists: rows.length > 0 };
  }
}
