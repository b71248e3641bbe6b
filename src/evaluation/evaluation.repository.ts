import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../database/transaction';
import { EvaluationEntity } from './entities/evaluation.entity';
import { Cadence, DEFAULT_CADENCE, EvaluationPeriod } from './periods';

/** `evaluations` (one row per SKP × period) and the year's cadence (`evaluation_cadences`). */
@Injectable()
export class EvaluationRepository extends BaseRepository {
  async save(e: EvaluationEntity): Promise<void> {
    await this.db().getRepository(EvaluationEntity).save(e);
  }

  findBySkp(skpId: string): Promise<EvaluationEntity[]> {
    return this.db().getRepository(EvaluationEntity).findBy({ skpId });
  }

  find(skpId: string, period: string, lock = false): Promise<EvaluationEntity | null> {
    return this.db()
      .getRepository(EvaluationEntity)
      .findOne({ where: { skpId, period }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  byId(id: string, lock = false): Promise<EvaluationEntity | null> {
    return this.db()
      .getRepository(EvaluationEntity)
      .findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  /** The unit head's evaluation of a period, locked. */
  unitHeadEvaluation(employeeId: string, period: string): Promise<EvaluationEntity | null> {
    return this.db()
      .getRepository(EvaluationEntity)
      .findOne({ where: { employeeId, period, isUnitHead: true }, lock: { mode: 'pessimistic_write' } });
  }

  /** How many evaluations of a periodic kind the year has. */
  async countOfKind(periodKind: string, year: number): Promise<number> {
    const rows: { n: string }[] = await this.db().query(
      `SELECT count(*) AS n FROM evaluations WHERE period_kind = $1 AND period LIKE $2`,
      [periodKind, `${year}-%`],
    );
    return Number(rows[0].n);
  }

  async setCadence(year: number, cadence: Cadence): Promise<void> {
    await this.db().query(
      `INSERT INTO evaluation_cadences (year, cadence, updated_at) VALUES ($1,$2,now()) ON CONFLICT (year) DO UPDATE SET cadence = EXCLUDED.cadence, updated_at = now()`,
      [year, cadence],
    );
  }

  /** The evaluation row, created (DRAFT) on first write. Locked for the rest of the transaction. */
  async ensure(skp: { id: string; employeeId: string; kind: string }, p: EvaluationPeriod): Promise<EvaluationEntity> {
    await this.db().query(
      `INSERT INTO evaluations (skp_id, employee_id, period, period_kind, from_month, to_month, status, revision, skp_kind)
       VALUES ($1, $2, $3, $4, $5, $6, 'DRAFT', 0, $7) ON CONFLICT (skp_id, period) DO NOTHING`,
      [skp.id, skp.employeeId, p.period, p.kind, p.fromMonth, p.toMonth, skp.kind],
    );
    return (await this.find(skp.id, p.period, true))!;
  }

  /** The year's periodic cadence; the default when none is configured. */
  async cadence(year: number): Promise<{ cadence: Cadence; configured: boolean }> {
    const rows: { cadence: Cadence }[] = await this.db().query(
      `SELECT cadence FROM evaluation_cadences WHERE year = $1`,
      [year],
    );
    return rows[0] ? { cadence: rows[0].cadence, configured: true } : { cadence: DEFAULT_CADENCE, configured: false };
  }

  /** The rating's columns in one UPDATE (save() would first re-read the row it already holds locked). */
  async saveRating(e: EvaluationEntity): Promise<void> {
    await this.db()
      .getRepository(EvaluationEntity)
      .update(
        { id: e.id },
        {
          status: e.status,
          resultRating: e.resultRating,
          behaviorRating: e.behaviorRating,
          predicate: e.predicate,
          explanation: e.explanation as object,
          note: e.note,
          ratedAt: e.ratedAt,
          ratedBy: e.ratedBy,
          ppkId: e.ppkId,
          refDate: e.refDate,
          unitId: e.unitId,
          isUnitHead: e.isUnitHead,
          version: e.version,
        },
      );
  }

  /** ISSUED evaluations whose keberatan window has passed, oldest first, locked (SKIP LOCKED). */
  lockExpiredWindows(now: Date, limit: number): Promise<{ id: string; revision: number }[]> {
    return this.db().query(
      `SELECT id, revision FROM evaluations WHERE status = 'ISSUED' AND objection_deadline < $1
        ORDER BY objection_deadline LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
  }

  /** The same FINAL write as a single finalisation, for a whole run of expired windows in one statement. */
  async finalizeExpired(ids: string[], now: Date): Promise<void> {
    await this.db().query(
      `UPDATE evaluations SET status = 'FINAL', finalized_at = $2, finalized_by = 'EXPIRY', version = version + 1, updated_at = now()
        WHERE id = ANY($1::uuid[])`,
      [ids, now],
    );
  }

  /** The unit's distribution report a year-end batch stored once and referenced (evaluations.distribution_report_id). */
  async distributionReport(reportId: string): Promise<unknown> {
    const rows: { report: unknown }[] = await this.db().query(
      `SELECT report FROM evaluation_distribution_reports WHERE id = $1`,
      [reportId],
    );
    return rows[0]?.report ?? null;
  }
}
