import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../database/transaction';

export interface HistoryItem {
  from: string | null;
  to: string;
  action: string;
  actor: string;
  reason: string | null;
  revision: number;
  at: string;
}

export interface RealizationRow {
  realization: string;
  evidenceUrls: string[];
  updatedAt: string;
}

export interface FeedbackRow {
  targetKind: 'RESULT' | 'CORE_VALUE';
  target: string;
  text: string;
}

export interface RevisionRow {
  revision: number;
  resultRating: string | null;
  behaviorRating: string | null;
  predicate: string | null;
  reason: string;
  createdBy: string;
  createdAt: string;
}

/** What hangs off one evaluation row: transitions, realisations, the rating's feedback, revisions. */
@Injectable()
export class EvaluationPartsRepository extends BaseRepository {
  async transition(
    evaluationId: string,
    t: {
      from: string | null;
      to: string;
      action: string;
      actor: string;
      reason: string | null;
      revision: number;
      at: Date;
    },
  ): Promise<void> {
    await this.db().query(
      `INSERT INTO evaluation_transitions (evaluation_id, from_status, to_status, action, actor, reason, revision, at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
      [evaluationId, t.from, t.to, t.action, t.actor, t.reason, t.revision, t.at],
    );
  }

  /** The same transition for many evaluations (window expiry), in one statement. */
  async transitions(
    rows: { evaluationId: string; revision: number }[],
    t: { from: string; to: string; action: string; actor: string; reason: string | null; at: Date },
  ): Promise<void> {
    await this.db().query(
      `INSERT INTO evaluation_transitions (evaluation_id, from_status, to_status, action, actor, reason, revision, at)
       SELECT x.id, $3, $4, $5, $6, $7, x.revision, $8 FROM unnest($1::uuid[], $2::int[]) WITH ORDINALITY AS x(id, revision, n) ORDER BY x.n`,
      [rows.map((r) => r.evaluationId), rows.map((r) => r.revision), t.from, t.to, t.action, t.actor, t.reason, t.at],
    );
  }

  async history(evaluationId: string): Promise<HistoryItem[]> {
    const rows: (Omit<HistoryItem, 'at'> & { at: Date })[] = await this.db().query(
      `SELECT from_status AS "from", to_status AS "to", action, actor, reason, revision, at FROM evaluation_transitions WHERE evaluation_id = $1 ORDER BY id`,
      [evaluationId],
    );
    return rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
  }

  async realizations(evaluationId: string): Promise<Map<string, RealizationRow>> {
    const rows: { indicatorId: string; realization: string; evidenceUrls: string[]; updatedAt: Date }[] =
      await this.db().query(
        `SELECT indicator_id AS "indicatorId", realization, evidence_urls AS "evidenceUrls", updated_at AS "updatedAt" FROM evaluation_realizations WHERE evaluation_id = $1`,
        [evaluationId],
      );
    return new Map(
      rows.map((r) => [
        r.indicatorId,
        { realization: r.realization, evidenceUrls: r.evidenceUrls, updatedAt: new Date(r.updatedAt).toISOString() },
      ]),
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

  feedback(evaluationId: string): Promise<FeedbackRow[]> {
    return this.db().query(
      `SELECT target_kind AS "targetKind", target, text FROM evaluation_feedback WHERE evaluation_id = $1`,
      [evaluationId],
    );
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

  async revisions(evaluationId: string): Promise<RevisionRow[]> {
    const rows: (Omit<RevisionRow, 'createdAt'> & { createdAt: Date })[] = await this.db().query(
      `SELECT revision, result_rating AS "resultRating", behavior_rating AS "behaviorRating", predicate, reason, created_by AS "createdBy", created_at AS "createdAt"
         FROM evaluation_revisions WHERE evaluation_id = $1 ORDER BY revision`,
      [evaluationId],
    );
    return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt).toISOString() }));
  }

  /** Keeps the revision being replaced by an ADMIN correction. */
  async insertRevision(
    e: {
      id: string;
      revision: number;
      resultRating: string | null;
      behaviorRating: string | null;
      predicate: string | null;
      explanation: unknown;
    },
    reason: string,
    createdBy: string,
    at: Date,
  ): Promise<void> {
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
}
