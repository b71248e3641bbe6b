import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { BaseRepository } from '../database/transaction';
import { EvaluationEntity } from './entities/evaluation.entity';

/** `evaluations` and the rows that hang off one (realisations, feedback, revisions). */
@Injectable()
export class EvaluationRepository extends BaseRepository {
  async save(e: EvaluationEntity, manager?: EntityManager): Promise<void> {
    await this.db(manager).getRepository(EvaluationEntity).save(e);
  }

  findBySkp(skpId: string, manager?: EntityManager): Promise<EvaluationEntity[]> {
    return this.db(manager).getRepository(EvaluationEntity).findBy({ skpId });
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

  async replaceRealizations(
    evaluationId: string,
    items: { indicatorId: string; realization: string; evidenceUrls?: string[] }[],
    at: Date,
  ): Promise<void> {
    const m = this.db();
    await m.query(`DELETE FROM evaluation_realizations WHERE evaluation_id = $1`, [evaluationId]);
    for (const it of items) {
      await m.query(
        `INSERT INTO evaluation_realizations (evaluation_id, indicator_id, realization, evidence_urls, updated_at) VALUES ($1,$2,$3,$4,$5)`,
        [evaluationId, it.indicatorId, it.realization, it.evidenceUrls ?? [], at],
      );
    }
  }

  async replaceFeedback(
    evaluationId: string,
    feedback: { kind: string; target: string; text: string }[],
  ): Promise<void> {
    const m = this.db();
    await m.query(`DELETE FROM evaluation_feedback WHERE evaluation_id = $1`, [evaluationId]);
    if (feedback.length) {
      await m.query(
        `INSERT INTO evaluation_feedback (evaluation_id, target_kind, target, text) SELECT $1::uuid, k, t, x FROM unnest($2::text[], $3::text[], $4::text[]) AS f(k, t, x)`,
        [evaluationId, feedback.map((f) => f.kind), feedback.map((f) => f.target), feedback.map((f) => f.text)],
      );
    }
  }

  /** Keeps the revision being replaced by an ADMIN correction. */
  async insertRevision(e: EvaluationEntity, reason: string, createdBy: string, at: Date): Promise<void> {
    await this.db().query(
      `INSERT INTO evaluation_revisions (evaluation_id, revision, result_rating, behavior_rating, predicate, explanation, reason, created_by, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
      [
        e.id,
        e.revision,
        e.resultRating,
        e.behaviorRating,
        e.predicate,
        JSON.stringify(e.explanation ?? null),
        reason,
        createdBy,
        at,
      ],
    );
  }

  /** ISSUED evaluations whose keberatan window has passed, oldest first, locked (SKIP LOCKED). */
  lockExpiredWindows(now: Date, limit: number, manager?: EntityManager): Promise<{ id: string; revision: number }[]> {
    return this.db(manager).query(
      `SELECT id, revision FROM evaluations WHERE status = 'ISSUED' AND objection_deadline < $1
        ORDER BY objection_deadline LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
  }

  /** The same FINAL write as a single finalisation, for a whole run of expired windows in one statement. */
  async finalizeExpired(ids: string[], now: Date, manager?: EntityManager): Promise<void> {
    await this.db(manager).query(
      `UPDATE evaluations SET status = 'FINAL', finalized_at = $2, finalized_by = 'EXPIRY', version = version + 1, updated_at = now()
        WHERE id = ANY($1::uuid[])`,
      [ids, now],
    );
  }
}
