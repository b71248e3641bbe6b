import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../database/transaction';

export interface AuditInsertRow {
  action: string;
  entity_type: string;
  entity_id: string;
  before: unknown;
  after: unknown;
  reason: string | null;
}

export interface AuditTrailRow {
  id: string;
  at: string;
  actor: string;
  actorKind: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  reason: string | null;
  correlationId: string;
}

/** A statement's SQL with its parameters, numbered from the `first` the caller gave. */
export interface SqlPart {
  sql: string;
  params: unknown[];
}

/**
 * The INSERT of audit rows with its parameters numbered from `$first`: `insertMany`, and a writer that sends
 * its change and the audit in one statement (as a data-modifying CTE of its own statement).
 */
export function auditInsertPart(
  head: { actor: string; actorKind: string; correlationId: string },
  rows: AuditInsertRow[],
  first: number,
): SqlPart {
  const [a, k, c, r] = [first, first + 1, first + 2, first + 3].map((n) => `$${n}`);
  return {
    sql: `INSERT INTO audit_log (actor, actor_kind, action, entity_type, entity_id, before, after, reason, correlation_id)
       SELECT ${a}, ${k}, r.action, r.entity_type, r.entity_id, r.before, r.after, r.reason, ${c}
         FROM jsonb_to_recordset(${r}::jsonb) AS r(action text, entity_type text, entity_id text, before jsonb, after jsonb, reason text)`,
    params: [head.actor, head.actorKind, head.correlationId, JSON.stringify(rows)],
  };
}

/** The `audit_log` table. Writes join the caller's transaction, so a change and its audit commit together. */
@Injectable()
export class AuditRepository extends BaseRepository {
  async insertMany(
    head: { actor: string; actorKind: string; correlationId: string },
    rows: AuditInsertRow[],
  ): Promise<void> {
    // One statement for any number of rows (bulk imports write thousands): the rows travel as one jsonb array.
    const { sql, params } = auditInsertPart(head, rows, 1);
    await this.db().query(sql, params);
  }

  /** The trail of one entity, oldest first, after the cursor id. */
  trail(entityType: string, entityId: string, afterId: string, limit: number): Promise<AuditTrailRow[]> {
    // ORDER BY names the table column: the output column `id` is text, and "9" sorts after "11".
    return this.db().query(
      `SELECT id::text, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, actor, actor_kind AS "actorKind", action,
              entity_type AS "entityType", entity_id AS "entityId", before, after, reason, correlation_id AS "correlationId"
         FROM audit_log WHERE entity_type = $1 AND entity_id = $2 AND id > $3::bigint ORDER BY audit_log.id LIMIT $4`,
      [entityType, entityId, afterId, limit],
    );
  }
}
