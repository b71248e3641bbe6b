import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../database/transaction';
import type { SiasnKind } from '../rules';
import type { SiasnDocumentRecord } from './siasn-outbox.repository';
import type { OutboxRow, OutboxState } from './siasn-outbox.repository';

export interface AttemptRow {
  attempt: number;
  step: string;
  requestHash: string | null;
  httpStatus: number | null;
  response: string | null;
  outcome: string;
  durationMs: number | null;
  at: string;
}

/** The scope of a push batch as `POST /siasn/push` validated and recorded it (year, or period for kinerja periodik). */
export type PushBatchRequest = {
  kind: SiasnKind;
  year?: number;
  period?: string;
  unitCode?: string;
  nips?: string[];
};

/** Counts a finished batch records beside its rows (absent until the batch job finishes). */
export type PushBatchSummary = { unchanged?: number; notReady?: number; superseded?: number };

export interface BatchRow {
  id: string;
  type: 'PUSH' | 'IMPORT';
  request: PushBatchRequest;
  state: 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';
  total: number;
  problems: { nip: string; code: string; message: string }[];
  summary: PushBatchSummary;
  requestedBy: string;
  createdAt: string;
  updatedAt: string;
}

/** Rows of an UPDATE … RETURNING (TypeORM answers `[rows, count]` for UPDATE and DELETE). */
function returned<T>(result: unknown): T[] {
  const r = result as unknown[];
  return (Array.isArray(r[0]) ? r[0] : r) as T[];
}

const COLUMNS = `id::text AS id, kind, nip, natural_key AS "naturalKey", source_ref AS "sourceRef", payload_hash AS "payloadHash",
  payload, state, attempts, next_attempt_at AS "nextAttemptAt", siasn_id AS "siasnId", last_error AS "lastError",
  batch_id AS "batchId", document`;

/** SQL of the push side: outbox rows (writing, claiming, settling), attempts and push batches. */
@Injectable()
export class SiasnPushRepository extends BaseRepository {
  async byId(id: string): Promise<(OutboxRow & { updatedAt: string; createdAt: string }) | null> {
    if (!/^\d{1,18}$/.test(id)) return null;
    const rows = await this.db().query<(OutboxRow & { updatedAt: string; createdAt: string })[]>(
      `SELECT ${COLUMNS}, created_at AS "createdAt", updated_at AS "updatedAt" FROM siasn_outbox WHERE id = $1`,
      [id],
    );
    return rows.at(0) ?? null;
  }

  /** The newest row of a natural key, locked (writers of one key queue behind each other). */
  async latestForKey(naturalKey: string): Promise<OutboxRow | null> {
    const rows = await this.db().query<OutboxRow[]>(
      `SELECT ${COLUMNS} FROM siasn_outbox WHERE natural_key = $1 ORDER BY id DESC LIMIT 1 FOR UPDATE`,
      [naturalKey],
    );
    return rows.at(0) ?? null;
  }

  /** Unsent rows of a key (waiting, failed, dead) become SUPERSEDED by a newer payload. */
  async supersedeUnsent(naturalKey: string, byHash: string): Promise<number> {
    const rows = returned(
      await this.db().query(
        `UPDATE siasn_outbox SET state = 'SUPERSEDED', next_attempt_at = NULL, updated_at = now(),
              last_error = coalesce(last_error || ' · ', '') || 'superseded by a newer payload ' || left($2, 12)
        WHERE natural_key = $1 AND state IN ('PENDING','FAILED','DEAD') RETURNING id`,
        [naturalKey, byHash],
      ),
    );
    return rows.length;
  }

  async insert(r: {
    kind: SiasnKind;
    nip: string;
    naturalKey: string;
    sourceRef: string;
    payloadHash: string;
    payload: unknown;
    batchId: string | null;
  }): Promise<string> {
    const [row] = await this.db().query<[{ id: string }]>(
      `INSERT INTO siasn_outbox (kind, nip, natural_key, source_ref, payload_hash, payload, state, batch_id)
       VALUES ($1, $2, $3, $4, $5, $6, 'PENDING', $7) RETURNING id::text AS id`,
      [r.kind, r.nip, r.naturalKey, r.sourceRef, r.payloadHash, JSON.stringify(r.payload), r.batchId],
    );
    return row.id;
  }

  /**
   * Takes a row for one attempt: PENDING (or SENDING left by a worker that died), due, with the attempt
   * count read, and no other row of the same key in flight. Answers the attempt number, or null.
   */
  async claim(id: string, attempts: number): Promise<number | null> {
    const rows = returned<{ attempts: number }>(
      await this.db().query(
        `UPDATE siasn_outbox o SET state = 'SENDING', attempts = attempts + 1, updated_at = now()
        WHERE id = $1 AND state IN ('PENDING','SENDING') AND attempts = $2
          AND (next_attempt_at IS NULL OR next_attempt_at <= now() + interval '1 second')
          AND NOT EXISTS (SELECT 1 FROM siasn_outbox x WHERE x.natural_key = o.natural_key AND x.id <> o.id AND x.state = 'SENDING')
        RETURNING attempts`,
        [id, attempts],
      ),
    );
    return rows[0]?.attempts ?? null;
  }

  async settle(
    id: string,
    s: { state: OutboxState; siasnId?: string | null; lastError?: string | null; retryInMs?: number },
  ): Promise<void> {
    await this.db().query(
      `UPDATE siasn_outbox SET state = $2, siasn_id = coalesce($3, siasn_id), last_error = $4,
              next_attempt_at = CASE WHEN $5::numeric IS NULL THEN NULL ELSE now() + ($5::numeric * interval '1 millisecond') END,
              updated_at = now()
        WHERE id = $1 AND state = 'SENDING'`,
      [id, s.state, s.siasnId ?? null, s.lastError ?? null, s.retryInMs ?? null],
    );
  }

  /** What of the row's document reached SIASN, kept at once (a later failure of the attempt keeps it). */
  async recordDocument(id: string, document: SiasnDocumentRecord): Promise<void> {
    await this.db().query(
      `UPDATE siasn_outbox SET document = $2, updated_at = now() WHERE id = $1 AND state = 'SENDING'`,
      [id, JSON.stringify(document)],
    );
  }

  /** A FAILED or DEAD row sent again after a person fixed the cause: a fresh attempt count. */
  async reopen(id: string): Promise<boolean> {
    const rows = returned(
      await this.db().query(
        `UPDATE siasn_outbox o SET state = 'PENDING', attempts = 0, next_attempt_at = NULL, updated_at = now()
        WHERE id = $1 AND state IN ('FAILED','DEAD')
          AND NOT EXISTS (SELECT 1 FROM siasn_outbox x WHERE x.natural_key = o.natural_key AND x.id > o.id)
        RETURNING id`,
        [id],
      ),
    );
    return rows.length > 0;
  }

  async logAttempt(a: {
    outboxId: string;
    attempt: number;
    step: string;
    requestHash: string | null;
    httpStatus: number | null;
    response: string | null;
    outcome: string;
    durationMs: number | null;
  }): Promise<void> {
    await this.db().query(
      `INSERT INTO siasn_attempts (outbox_id, attempt, step, request_hash, http_status, response, outcome, duration_ms)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [a.outboxId, a.attempt, a.step, a.requestHash, a.httpStatus, a.response, a.outcome, a.durationMs],
    );
  }

  async attempts(outboxIds: string[]): Promise<Map<string, AttemptRow[]>> {
    if (outboxIds.length === 0) return new Map();
    const rows: (AttemptRow & { outboxId: string })[] = await this.db().query(
      `SELECT outbox_id::text AS "outboxId", attempt, step, request_hash AS "requestHash", http_status AS "httpStatus",
              response, outcome, duration_ms AS "durationMs", to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at
         FROM siasn_attempts WHERE outbox_id = ANY($1::bigint[]) ORDER BY id`,
      [outboxIds],
    );
    const out = new Map<string, AttemptRow[]>();
    for (const { outboxId, ...r } of rows) out.set(outboxId, [...(out.get(outboxId) ?? []), r]);
    return out;
  }

  async attemptsCount(outboxId: string): Promise<number> {
    const [r] = await this.db().query<[{ n: number }]>(
      `SELECT count(*)::int AS n FROM siasn_attempts WHERE outbox_id = $1`,
      [outboxId],
    );
    return r.n;
  }

  /** Rows due for an attempt (waiting and due, or in flight for longer than `staleMs`: their worker died). */
  async due(staleMs: number, limit: number): Promise<{ id: string; attempts: number }[]> {
    return this.db().query(
      `SELECT id::text AS id, attempts FROM siasn_outbox
        WHERE (state = 'PENDING' AND (next_attempt_at IS NULL OR next_attempt_at <= now()))
           OR (state = 'SENDING' AND updated_at < now() - ($1::numeric * interval '1 millisecond'))
        ORDER BY id LIMIT $2`,
      [staleMs, limit],
    );
  }

  async list(
    q: { id?: string; state?: OutboxState; kind?: SiasnKind; batchId?: string; afterId?: string },
    limit: number,
  ): Promise<(OutboxRow & { updatedAt: string })[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, v: unknown) => {
      params.push(v);
      where.push(sql.replace('$?', `$${params.length}`));
    };
    if (q.id) add(`id = $?::bigint`, q.id);
    if (q.state) add(`state = $?`, q.state);
    if (q.kind) add(`kind = $?`, q.kind);
    if (q.batchId) add(`batch_id = $?::uuid`, q.batchId);
    if (q.afterId) add(`id < $?::bigint`, q.afterId);
    params.push(limit);
    return this.db().query(
      `SELECT ${COLUMNS}, to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt"
         FROM siasn_outbox ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT $${params.length}`,
      params,
    );
  }

  async countsByState(batchId: string): Promise<Record<string, number>> {
    const rows: { state: string; n: number }[] = await this.db().query(
      `SELECT state, count(*)::int AS n FROM siasn_outbox WHERE batch_id = $1::uuid GROUP BY state`,
      [batchId],
    );
    return Object.fromEntries(rows.map((r) => [r.state, r.n]));
  }

  async insertBatch(request: PushBatchRequest, requestedBy: string): Promise<string> {
    const [row] = await this.db().query<[{ id: string }]>(
      `INSERT INTO siasn_batches (type, request, state, requested_by) VALUES ('PUSH', $1, 'QUEUED', $2) RETURNING id::text AS id`,
      [JSON.stringify(request), requestedBy],
    );
    return row.id;
  }

  async batch(id: string): Promise<BatchRow | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const rows = await this.db().query<BatchRow[]>(
      `SELECT id::text AS id, type, request, state, total, problems, summary, requested_by AS "requestedBy",
              to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt",
              to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt"
         FROM siasn_batches WHERE id = $1::uuid AND type = 'PUSH'`,
      [id],
    );
    return rows.at(0) ?? null;
  }

  async finishBatch(
    id: string,
    state: 'DONE' | 'FAILED',
    total: number,
    problems: BatchRow['problems'],
    summary: PushBatchSummary,
  ): Promise<void> {
    await this.db().query(
      `UPDATE siasn_batches SET state = $2, total = $3, done = $3, problems = $4, summary = $5, updated_at = now() WHERE id = $1::uuid`,
      [id, state, total, JSON.stringify(problems), JSON.stringify(summary)],
    );
  }

  /** Rows of the whole outbox by state (the console's summary). */
  async countsAll(): Promise<Record<string, number>> {
    const rows: { state: string; n: number }[] = await this.db().query(
      `SELECT state, count(*)::int AS n FROM siasn_outbox GROUP BY state`,
    );
    return Object.fromEntries(rows.map((r) => [r.state, r.n]));
  }

  /** Time of the latest logged call to SIASN (attempt ids grow with time: the newest id is the latest). */
  async lastAttemptAt(): Promise<string | null> {
    const rows = await this.db().query<{ at: string }[]>(
      `SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at FROM siasn_attempts ORDER BY id DESC LIMIT 1`,
    );
    return rows.at(0)?.at ?? null;
  }
}
