import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SkpStatus } from './skp.enums';

export interface SkpStatusRow {
  employeeId: string;
  skpId: string;
  status: SkpStatus;
  rejectionReason: string | null;
  updatedAt: string;
}

/** Published reader: the status of many employees' SKPs of a year in one query (team overviews). */
@Injectable()
export class SkpStatusReader {
  constructor(private readonly dataSource: DataSource) {}

  async forEmployees(employeeIds: string[], year: number): Promise<Map<string, SkpStatusRow>> {
    if (employeeIds.length === 0) return new Map();
    const rows: SkpStatusRow[] = await this.dataSource.query(
      // Of a split year, the latest DEFINITIVE SKP (spec 04 §1).
      `SELECT DISTINCT ON (employee_id) employee_id AS "employeeId", id AS "skpId", status, rejection_reason AS "rejectionReason",
              to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt"
         FROM skp WHERE employee_id = ANY($1::uuid[]) AND year = $2 AND kind = 'DEFINITIVE'
        ORDER BY employee_id, period_start DESC`,
      [employeeIds, year],
    );
    return new Map(rows.map((r) => [r.employeeId, r]));
  }
}
