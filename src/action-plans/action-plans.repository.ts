import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../database/transaction';
import { ActionPlanItemDto, ProgressDto } from './dto/action-plan.dto';

export interface ProgressView {
  id: string;
  date: string;
  start: string | null;
  end: string | null;
  activity: string;
  realisasi: number;
  unit: string;
  evidenceUrl: string | null;
}

export interface ActionPlanView {
  id: string;
  resultId: string;
  period: string;
  text: string;
  target: number | null;
  unit: string | null;
  status: 'DRAFT' | 'AGREED';
  /** The employee's override when given, else Σ progress (spec 04 §2.1). */
  realisasi: number;
  progressTotal: number;
  realisasiOverridden: boolean;
  overrideReason: string | null;
  evidenceUrls: string[];
  narrative: string | null;
  progress: ProgressView[];
}

/**
 * The feedback log of an SKP in a period as one SQL expression (a json array of `{ k, t, x }`, oldest first,
 * action-plan entries left out), for a reader that reads it within its own statement (the evaluation load);
 * `latestFeedbackOf` turns it into the map `ActionPlansReadService.latestFeedback` gives.
 */
export function feedbackLogJsonSql(skpId: string, period: string): string {
  return `(SELECT COALESCE(json_agg(json_build_object('k', f.target_kind, 't', f.target, 'x', f.text) ORDER BY f.id), '[]'::json)
             FROM skp_feedback f WHERE f.skp_id = ${skpId} AND f.period = ${period} AND f.target_kind <> 'ACTION_PLAN')`;
}

/** The latest entry per target (`RESULT:<id>`, `CORE_VALUE:<v>`) of a log read by `feedbackLogJsonSql`. */
export function latestFeedbackOf(log: { k: string; t: string; x: string }[]): Map<string, string> {
  return new Map(log.map((f) => [`${f.k}:${f.t}`, f.x]));
}

/** A feedback log row; the author's NIP and name come from the org directory. */
export interface FeedbackRow {
  id: string;
  period: string;
  targetKind: 'RESULT' | 'ACTION_PLAN' | 'CORE_VALUE';
  target: string;
  authorId: string;
  authorRole: 'PPK' | 'ATASAN_PPK';
  text: string;
  createdAt: string;
}

export interface FeedbackView {
  id: string;
  period: string;
  targetKind: 'RESULT' | 'ACTION_PLAN' | 'CORE_VALUE';
  target: string;
  authorNip: string;
  authorName: string;
  authorRole: 'PPK' | 'ATASAN_PPK';
  text: string;
  createdAt: string;
}

interface PlanRow {
  id: string;
  resultId: string;
  period: string;
  text: string;
  target: string | null;
  unit: string | null;
  status: 'DRAFT' | 'AGREED';
  override: string | null;
  overrideReason: string | null;
  evidenceUrls: string[];
  narrative: string | null;
}

/** SQL of rencana aksi, their progress and the feedback log (spec 04 §2). */
@Injectable()
export class ActionPlansRepository extends BaseRepository {
  /** Plans of an SKP (one period, or all), with progress, in period and position order. */
  async plans(skpId: string, period: string | null): Promise<ActionPlanView[]> {
    const rows: PlanRow[] = await this.db().query(
      `SELECT id, result_id AS "resultId", period, text, target::text, unit, status, realisasi_override::text AS override,
              override_reason AS "overrideReason", evidence_urls AS "evidenceUrls", narrative
         FROM skp_action_plans WHERE skp_id = $1 AND ($2::text IS NULL OR period = $2) ORDER BY period, position`,
      [skpId, period],
    );
    if (rows.length === 0) return [];
    const progress: (ProgressView & { planId: string })[] = await this.db().query(
      `SELECT id, plan_id AS "planId", to_char(entry_date,'YYYY-MM-DD') AS date, to_char(start_time,'HH24:MI') AS start,
              to_char(end_time,'HH24:MI') AS "end", activity, realisasi, unit, evidence_url AS "evidenceUrl"
         FROM skp_action_progress WHERE plan_id = ANY($1::uuid[]) ORDER BY entry_date, created_at`,
      [rows.map((r) => r.id)],
    );
    return rows.map((r) => {
      const own = progress.filter((x) => x.planId === r.id).map(({ planId: _p, ...x }) => x);
      const total = own.reduce((a, x) => a + x.realisasi, 0);
      return {
        id: r.id,
        resultId: r.resultId,
        period: r.period,
        text: r.text,
        target: r.target === null ? null : Number(r.target),
        unit: r.unit,
        status: r.status,
        realisasi: r.override === null ? total : Number(r.override),
        progressTotal: total,
        realisasiOverridden: r.override !== null,
        overrideReason: r.overrideReason,
        evidenceUrls: r.evidenceUrls,
        narrative: r.narrative,
        progress: own,
      };
    });
  }

  async replace(skpId: string, period: string, items: ActionPlanItemDto[]): Promise<void> {
    await this.db().query(`DELETE FROM skp_action_plans WHERE skp_id = $1 AND period = $2`, [skpId, period]);
    for (const [i, it] of items.entries())
      await this.db().query(
        `INSERT INTO skp_action_plans (skp_id, result_id, period, position, text, target, unit) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
        [skpId, it.resultId, period, i + 1, it.text, it.target, it.unit],
      );
  }

  async agree(skpId: string, period: string, by: string | null, now: Date): Promise<number> {
    const rows: unknown[] = await this.db().query(
      `UPDATE skp_action_plans SET status = 'AGREED', agreed_at = $3, agreed_by = $4, updated_at = $3
        WHERE skp_id = $1 AND period = $2 AND status = 'DRAFT' RETURNING id`,
      [skpId, period, now, by],
    );
    return rows.length;
  }

  async addProgress(planId: string, dto: ProgressDto): Promise<void> {
    await this.db().query(
      `INSERT INTO skp_action_progress (plan_id, entry_date, start_time, end_time, activity, realisasi, unit, evidence_url)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
      [
        planId,
        dto.date,
        dto.start ?? null,
        dto.end ?? null,
        dto.activity,
        dto.realisasi,
        dto.unit,
        dto.evidenceUrl ?? null,
      ],
    );
  }

  async update(
    planId: string,
    set: { override?: number | null; reason?: string | null; evidenceUrls?: string[]; narrative?: string | null },
    now: Date,
  ): Promise<void> {
    await this.db().query(
      `UPDATE skp_action_plans SET
          realisasi_override = CASE WHEN $2 THEN $3::numeric ELSE realisasi_override END,
          override_reason = CASE WHEN $2 THEN $4 ELSE override_reason END,
          evidence_urls = COALESCE($5::text[], evidence_urls),
          narrative = CASE WHEN $6 THEN $7 ELSE narrative END,
          updated_at = $8
        WHERE id = $1`,
      [
        planId,
        set.override !== undefined,
        set.override ?? null,
        set.reason ?? null,
        set.evidenceUrls ?? null,
        set.narrative !== undefined,
        set.narrative ?? null,
        now,
      ],
    );
  }

  async addFeedback(f: {
    skpId: string;
    period: string;
    kind: string;
    target: string;
    authorId: string;
    role: string;
    text: string;
  }): Promise<string> {
    const [row]: { id: string }[] = await this.db().query(
      `INSERT INTO skp_feedback (skp_id, period, target_kind, target, author_id, author_role, text)
       VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id::text`,
      [f.skpId, f.period, f.kind, f.target, f.authorId, f.role, f.text],
    );
    return row.id;
  }

  feedback(skpId: string, period: string | null): Promise<FeedbackRow[]> {
    return this.db().query(
      `SELECT f.id::text AS id, f.period, f.target_kind AS "targetKind", f.target, f.author_id AS "authorId",
              f.author_role AS "authorRole", f.text,
              to_char(f.created_at AT TIME ZONE 'UTC','YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"
         FROM skp_feedback f
        WHERE f.skp_id = $1 AND ($2::text IS NULL OR f.period = $2) ORDER BY f.id`,
      [skpId, period],
    );
  }

  /** Numeric-target rencana aksi of these SKPs in the plan periods (org suggestion), in period and position order. */
  suggestionItems(skpIds: string[], periods: string[]): Promise<{ target: string | null; realisasi: string }[]> {
    return this.db().query(
      `SELECT p.target::text AS target,
              COALESCE(p.realisasi_override, (SELECT COALESCE(sum(g.realisasi), 0) FROM skp_action_progress g WHERE g.plan_id = p.id))::text AS realisasi
         FROM skp_action_plans p
        WHERE p.skp_id = ANY($1::uuid[]) AND p.period = ANY($2::text[]) ORDER BY p.period, p.position`,
      [skpIds, periods],
    );
  }
}
