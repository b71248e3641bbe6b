import { Injectable } from '@nestjs/common';
import { SkpRepository, type SkpStandingRow } from './skp.repository';

export type { SkpStandingRow };

/** Published reader: the SKP in force on a date of many employees (gaps report); SKP ids of a person. */
@Injectable()
export class SkpStatusReader {
  constructor(private readonly skp: SkpRepository) {}

  /** The DEFINITIVE SKP in force on `on` of each employee that has one (gaps report). */
  async standingOn(employeeIds: string[], year: number, on: string): Promise<Map<string, SkpStandingRow>> {
    if (employeeIds.length === 0) return new Map();
    const rows = await this.skp.standingOn(employeeIds, year, on);
    return new Map(rows.map((r) => [r.employeeId, r]));
  }

  /** Ids of the employee's DEFINITIVE SKPs (rencana aksi of a unit head, org suggestion). */
  definitiveSkpIdsOf(employeeId: string): Promise<string[]> {
    return this.skp.definitiveIdsOf(employeeId);
  }
}
