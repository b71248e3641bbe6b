import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../common/domain-errors';
import { feedbackLogJsonSql, latestFeedbackOf } from '../action-plans/action-plans.repository';
import type { SqlPart } from '../audit/audit.repository';
import type { PpkChainRow, ScopeSql } from '../authz/access-policy';
import {
  decidedSanctionsOf,
  sanctionsInPeriodJsonSql,
  sanctionsPeriodBounds,
  type DecidedSanction,
  type SanctionsJson,
} from '../discipline/discipline-sanctions.repository';
import { predicateUpOf, predicateUpSql } from './distribution.repository';
import { entityColumnsSql, entityFromRow } from '../database/entity-rows';
import { BaseRepository } from '../database/transaction';
import { SkpEntity } from '../skp/entities/skp.entity';
import type { SkpContent } from '../skp/skp-content.repository';
import {
  isSkpId,
  skpWithSegmentsOf,
  skpWithSegmentsSql,
  type SegmentRow,
  type SkpWithSegmentsRow,
} from '../skp/skp-segments.repository';
import { EvaluationEntity } from './entities/evaluation.entity';
import type { FeedbackRow, HistoryItem, RealizationRow } from './evaluation-parts.repository';
import { Cadence, DEFAULT_CADENCE, EvaluationPeriod } from './periods';

/**
 * An evaluation with what a step or the view reads of it anyway: the year's cadence, realisations,
 * transitions, the rating's feedback and the SKP's feedback log of the period (latest per target).
 */
export interface LoadedEvaluation {
  e: EvaluationEntity | null;
  cadence: { cadence: Cadence; configured: boolean };
  realizations: Map<string, RealizationRow>;
  history: HistoryItem[];
  feedback: FeedbackRow[];
  feedbackLog: Map<string, string>;
}

type FeedbackLogJson = { k: string; t: string; x: string }[];

/** Prefix of the evaluation's columns in a row that carries other columns too. */
const E = 'e.';

type LoadedRow = Record<string, unknown> & {
  cadence: Cadence | null;
  realizations: (Omit<RealizationRow, 'updatedAt'> & { indicatorId: string; updatedAt: string })[];
  history: HistoryItem[];
  feedback: FeedbackRow[];
  feedbackLog: FeedbackLogJson;
};

/** The year's cadence and the evaluation's realisations, transitions, feedback and the SKP's feedback log. */
function loadedPartsSql(evaluationId: string, year: string, skpId: string, period: string): string {
  return `(SELECT c.cadence FROM evaluation_cadences c WHERE c.year = ${year}) AS cadence,
          (SELECT COALESCE(json_agg(json_build_object('indicatorId', r.indicator_id, 'realization', r.realization,
               'evidenceUrls', r.evidence_urls, 'updatedAt', r.updated_at)), '[]'::json)
             FROM evaluation_realizations r WHERE r.evaluation_id = ${evaluationId}) AS realizations,
          (SELECT COALESCE(json_agg(json_build_object('from', t.from_status, 'to', t.to_status, 'action', t.action,
               'actor', t.actor, 'reason', t.reason, 'revision', t.revision, 'at', t.at) ORDER BY t.id), '[]'::json)
             FROM evaluation_transitions t WHERE t.evaluation_id = ${evaluationId}) AS history,
          (SELECT COALESCE(json_agg(json_build_object('targetKind', f.target_kind, 'target', f.target, 'text', f.text)), '[]'::json)
             FROM evaluation_feedback f WHERE f.evaluation_id = ${evaluationId}) AS feedback,
          ${feedbackLogJsonSql(skpId, period)} AS "feedbackLog"`;
}

/** A `LoadedEvaluation` from a row of `loadedPartsSql` with the evaluation's columns (none: no row yet). */
function loadedOf(r: LoadedRow): LoadedEvaluation {
  return {
    e: r[`${E}id`] == null ? null : entityFromRow(EvaluationEntity, r, E),
    cadence: r.cadence ? { cadence: r.cadence, configured: true } : { cadence: DEFAULT_CADENCE, configured: false },
    realizations: new Map(
      r.realizations.map((x) => [
        x.indicatorId,
        { realization: x.realization, evidenceUrls: x.evidenceUrls, updatedAt: new Date(x.updatedAt).toISOString() },
      ]),
    ),
    history: r.history.map((h) => ({ ...h, at: new Date(h.at).toISOString() })),
    feedback: r.feedback,
    feedbackLog: latestFeedbackOf(r.feedbackLog),
  };
}

/**
 * What `loadWithSkp` may read in the same statement. `chain.sql`: `AccessPolicy.chainSql` for the employee and
 * date expressions it is given (its parameters from `firstParam` on; null: nothing to read for this caller).
 */
export interface LoadAlso {
  chain?: { onDate: string; sql: (employee: string, onDate: string, firstParam: number) => ScopeSql | null };
  sanctions?: { fromMonth: string; toMonth: string };
}

/** What `LoadAlso` read: the chain and the date it was read on, the sanctions and their months. */
export interface AlsoRead {
  chain?: { onDate: string; row: PpkChainRow };
  sanctions?: { fromMonth: string; toMonth: string; list: DecidedSanction[] };
}

type AlsoRow = { chainDate?: string | null; chain?: PpkChainRow | null; sanctions?: SanctionsJson };

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

  /**
   * The SKP × period evaluation (locked when asked) with the year's cadence, its realisations and its
   * transitions, in one read when the row exists (else the cadence alone).
   */
  async load(skpId: string, period: string, year: number, lock: boolean): Promise<LoadedEvaluation> {
    // Plain SQL and hydration (entityColumnsSql): this read is on every evaluation step and view.
    const rows: LoadedRow[] = await this.db().query(
      `SELECT ${entityColumnsSql(EvaluationEntity, 'e', E)}, ${loadedPartsSql('e.id', '$3', 'e.skp_id', 'e.period')}
         FROM evaluations e WHERE e.skp_id = $1 AND e.period = $2${lock ? ' FOR UPDATE' : ''}`,
      [skpId, period, year],
    );
    const r = rows.at(0);
    if (!r) return this.loadWithoutRow(skpId, period, year);
    return loadedOf(r);
  }

  /**
   * The SKP (as `SkpSegmentsRepository.withSegmentsOfYear` with content; 404 when unknown) and its evaluation of
   * the period (as `load`) in one statement: every evaluation step and view reads both, one round trip fewer.
   * The evaluation row is locked in its own CTE (FOR UPDATE cannot apply to the nullable side of the join).
   * With `also`, the same statement reads the caller's access chain for the SKP's employee on the evaluation's
   * frozen reference date (else `also.chain.onDate`) and the employee's sanctions in `also.sanctions`' months:
   * the caller uses them when its own date and months turn out the same (`LoadAlso`).
   */
  async loadWithSkp(
    skpId: string,
    period: string,
    year: number,
    lock: boolean,
    also: LoadAlso = {},
  ): Promise<{
    skp: SkpEntity;
    segments: SegmentRow[];
    content: SkpContent;
    loaded: LoadedEvaluation;
    read: AlsoRead;
  }> {
    if (!isSkpId(skpId)) throw new NotFoundError('SKP');
    const params: unknown[] = [skpId, period, year];
    const cols: string[] = [];
    let joins = '';
    const chain = also.chain;
    // The chain's fallback date is the next parameter, its own parameters the ones after it.
    const f = chain?.sql('rd.emp', 'rd.d', params.length + 2);
    if (chain && f) {
      const onDate = `$${params.push(chain.onDate)}::date`;
      params.push(...f.params);
      joins = ` LEFT JOIN LATERAL (SELECT s."employeeId" AS emp, COALESCE(ev."${E}refDate"::date, ${onDate}) AS d) rd ON true`;
      cols.push(`to_char(rd.d, 'YYYY-MM-DD') AS "chainDate"`, `(SELECT row_to_json(c) FROM (${f.sql}) c) AS chain`);
    }
    const sanctions = also.sanctions;
    if (sanctions) {
      const n = params.length;
      params.push(...sanctionsPeriodBounds(sanctions.fromMonth, sanctions.toMonth));
      cols.push(`${sanctionsInPeriodJsonSql('s."employeeId"', `$${n + 1}::date`, `$${n + 2}::date`)} AS sanctions`);
    }
    const rows: (SkpWithSegmentsRow & LoadedRow & AlsoRow)[] = await this.db().query(
      `WITH s AS (${skpWithSegmentsSql('$1', true)}),
            ev AS (SELECT ${entityColumnsSql(EvaluationEntity, 'e', E)} FROM evaluations e
                    WHERE e.skp_id = $1 AND e.period = $2${lock ? ' FOR UPDATE' : ''})
       SELECT s.*, ev.*, ${loadedPartsSql(`ev."${E}id"`, '$3', '$1::uuid', '$2::text')}${cols.map((c) => `, ${c}`).join('')}
         FROM s LEFT JOIN ev ON true${joins}`,
      params,
    );
    const r = rows.at(0);
    if (!r) throw new NotFoundError('SKP');
    const { skp, segments, content } = skpWithSegmentsOf(r, true);
    if (!content) throw new NotFoundError('SKP');
    const read: AlsoRead = {};
    if (r.chain && r.chainDate) read.chain = { onDate: r.chainDate, row: r.chain };
    if (sanctions && r.sanctions) read.sanctions = { ...sanctions, list: decidedSanctionsOf(r.sanctions) };
    return { skp, segments, content, loaded: loadedOf(r), read };
  }

  /** Before the first write: the year's cadence and the SKP's feedback log of the period, in one read. */
  private async loadWithoutRow(skpId: string, period: string, year: number): Promise<LoadedEvaluation> {
    const rows: { cadence: Cadence | null; feedbackLog: FeedbackLogJson }[] = await this.db().query(
      `SELECT (SELECT cadence FROM evaluation_cadences WHERE year = $1) AS cadence,
              ${feedbackLogJsonSql('$2::uuid', '$3::text')} AS "feedbackLog"`,
      [year, skpId, period],
    );
    const r = rows[0];
    return {
      e: null,
      cadence: r.cadence ? { cadence: r.cadence, configured: true } : { cadence: DEFAULT_CADENCE, configured: false },
      realizations: new Map(),
      history: [],
      feedback: [],
      feedbackLog: latestFeedbackOf(r.feedbackLog),
    };
  }

  /** The evaluation row, created (DRAFT) on first write. Locked for the rest of the transaction. */
  async ensure(skp: { id: string; employeeId: string; kind: string }, p: EvaluationPeriod): Promise<EvaluationEntity> {
    await this.db().query(
      `INSERT INTO evaluations (skp_id, employee_id, period, period_kind, from_month, to_month, status, revision, skp_kind)
       VALUES ($1, $2, $3, $4, $5, $6, 'DRAFT', 0, $7) ON CONFLICT (skp_id, period) DO NOTHING`,
      [skp.id, skp.employeeId, p.period, p.kind, p.fromMonth, p.toMonth, skp.kind],
    );
    const e = await this.find(skp.id, p.period, true);
    if (!e) throw new NotFoundError('Evaluasi');
    return e;
  }

  /** The year's periodic cadence; the default when none is configured. */
  async cadence(year: number): Promise<{ cadence: Cadence; configured: boolean }> {
    const rows: { cadence: Cadence }[] = await this.db().query(
      `SELECT cadence FROM evaluation_cadences WHERE year = $1`,
      [year],
    );
    return rows[0] ? { cadence: rows[0].cadence, configured: true } : { cadence: DEFAULT_CADENCE, configured: false };
  }

  /**
   * A rating in one statement: the rating's columns, the rating's feedback replaced (rows of targets no
   * longer given deleted, the given ones upserted: the same rows as delete-all + insert), the transition
   * and the audit row (AuditService.part: the audit's SQL stays in the audit feature). It returns what
   * `DistributionRepository.predicateUp` reads for the rated unit (`unit_id`): the view needs it, and the
   * rating does not change it.
   */
  async saveRating(
    e: EvaluationEntity,
    feedback: { kind: string; target: string; text: string }[],
    t: { from: string | null; to: string; action: string; actor: string; at: Date },
    audit: (first: number) => SqlPart,
  ): Promise<{ unitCode: string | null; orgPredicate: string | null }> {
    const a = audit(26);
    const rows: { code: string; predicate: string | null }[] = await this.db().query(
      `WITH aud AS (${a.sql}),
       u AS (
         UPDATE evaluations SET status = $2, result_rating = $3, behavior_rating = $4, predicate = $5, explanation = $6::jsonb,
                note = $7, rated_at = $8, rated_by = $9, ppk_id = $10, ref_date = $11, unit_id = $12, is_unit_head = $13,
                version = $14, updated_at = CURRENT_TIMESTAMP
          WHERE id = $1),
       d AS (
         DELETE FROM evaluation_feedback f WHERE f.evaluation_id = $1
            AND NOT EXISTS (SELECT 1 FROM unnest($15::text[], $16::text[]) AS n(k, t) WHERE n.k = f.target_kind AND n.t = f.target)),
       i AS (
         INSERT INTO evaluation_feedback (evaluation_id, target_kind, target, text)
         SELECT $1, n.k, n.t, n.x FROM unnest($15::text[], $16::text[], $17::text[]) AS n(k, t, x)
         ON CONFLICT (evaluation_id, target_kind, target) DO UPDATE SET text = EXCLUDED.text),
       t AS (
         INSERT INTO evaluation_transitions (evaluation_id, from_status, to_status, action, actor, reason, revision, at)
         VALUES ($1, $18, $19, $20, $21, NULL, $22, $23))
       ${predicateUpSql('$24::uuid', '$25::text')}`,
      [
        e.id,
        e.status,
        e.resultRating,
        e.behaviorRating,
        e.predicate,
        e.explanation == null ? null : JSON.stringify(e.explanation),
        e.note,
        e.ratedAt,
        e.ratedBy,
        e.ppkId,
        e.refDate,
        e.unitId,
        e.isUnitHead,
        e.version,
        feedback.map((f) => f.kind),
        feedback.map((f) => f.target),
        feedback.map((f) => f.text),
        t.from,
        t.to,
        t.action,
        t.actor,
        e.revision,
        t.at,
        e.unitId,
        e.period,
        ...a.params,
      ],
    );
    return predicateUpOf(rows);
  }

  /**
   * Whether this transaction is the only window-expiry sweep running (a transaction-scoped advisory lock):
   * one sweep at a time writes its chunks in order; parallel sweeps contended on the same pages.
   */
  async lockExpirySweep(): Promise<boolean> {
    const rows: { locked: boolean }[] = await this.db().query(
      `SELECT pg_try_advisory_xact_lock(hashtext('evaluation:objection-window-expiry')) AS locked`,
    );
    return rows[0].locked;
  }

  /**
   * One chunk of the window expiry in one statement: the oldest ISSUED evaluations whose keberatan window
   * has passed (locked, SKIP LOCKED: an employee accepting at this moment keeps the row) get the same FINAL
   * write as a single finalisation and their transition row. Returns them (id, revision).
   */
  finalizeExpiredWindows(
    now: Date,
    limit: number,
    t: { to: string; action: string; actor: string; reason: string },
  ): Promise<{ id: string; revision: number }[]> {
    return this.db().query(
      `WITH due AS (
         SELECT id FROM evaluations WHERE status = 'ISSUED' AND objection_deadline < $1
          ORDER BY objection_deadline LIMIT $2 FOR UPDATE SKIP LOCKED
       ), fin AS (
         UPDATE evaluations e SET status = 'FINAL', finalized_at = $1, finalized_by = 'EXPIRY', version = e.version + 1, updated_at = now()
           FROM due WHERE e.id = due.id
         RETURNING e.id, e.revision
       ), tr AS (
         INSERT INTO evaluation_transitions (evaluation_id, from_status, to_status, action, actor, reason, revision, at)
         SELECT id, 'ISSUED', $3, $4, $5, $6, revision, $1 FROM fin
       )
       SELECT id, revision FROM fin`,
      [now, limit, t.to, t.action, t.actor, t.reason],
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
