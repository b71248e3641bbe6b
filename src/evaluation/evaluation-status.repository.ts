import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Predicate } from '../rules/common/enums';
import type { EvaluationStatus } from './evaluation.service';
import type { PeriodKind } from './periods';

export interface EvaluationStatusRow {
  skpId: string;
  period: string;
  periodKind: PeriodKind;
  status: EvaluationStatus;
  predicate: Predicate | null;
  /** ISO instant; set while ISSUED (the keberatan window). */
  objectionDeadline: string | null;
}

/** Published reader: the evaluations (status, predicate) of many SKPs in one query (team overviews). */
@Injectable()
export class EvaluationStatusReader {
  constructor(private readonly dataSource: DataSource) {}

  async forSkps(skpIds: string[]): Promise<Map<string, EvaluationStatusRow[]>> {
    const out = new Map<string, EvaluationStatusRow[]>();
    if (skpIds.length === 0) return out;
    const rows: EvaluationStatusRow[] = await this.dataSource.query(
      `SELECT skp_id AS "skpId", period, period_kind AS "periodKind", status, predicate,
              to_char(objection_deadline AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "objectionDeadline"
         FROM evaluations WHERE skp_id = ANY($1::uuid[]) ORDER BY skp_id, period_kind = 'ANNUAL', period`,
      [skpIds],
    );
    for (const r of rows) out.set(r.skpId, [...(out.get(r.skpId) ?? []), r]);
    return out;
  }
}
