import { Injectable } from '@nestjs/common';
import { SkpRepository, type SkpStatusRow } from './skp.repository';

export type { SkpStatusRow };

/** Published reader: the status of many employees' SKPs of a year in one query (team overviews); SKP ids of a person. */
@Injectable()
export class SkpStatusReader {
  constructor(private readonly skp: SkpRepository) {}

  async forEmployees(employeeIds: string[], year: number): Promise<Map<string, SkpStatusRow>> {
    if (employeeIds.length === 0) return new Map();
    const rows = await this.skp.statusOfEmployees(employeeIds, year);
    return new Map(rows.map((r) => [r.employeeId, r]));
  }

  /** Ids of the employee's DEFINITIVE SKPs (rencana aksi of a unit head, org suggestion). */
  definitiveSkpIdsOf(employeeId: string): Promise<string[]> {
    return this.skp.definitiveIdsOf(employeeId);
  }
}
