import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RequestContext } from '../common/request-context';
import { actorLabel } from '../identity/principal';

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/** Writes audit rows inside the caller's transaction, so a change and its audit commit together. */
@Injectable()
export class AuditService {
  async record(manager: EntityManager, rec: AuditRecord): Promise<void> {
    await this.recordMany(manager, [rec]);
  }

  async recordMany(manager: EntityManager, recs: AuditRecord[]): Promise<void> {
    if (recs.length === 0) return;
    const { actor, actorKind } = actorLabel(RequestContext.principal());
    const correlationId = RequestContext.correlationId();
    // One statement for any number of rows (bulk imports write thousands): the rows travel as one jsonb array.
    const rows = recs.map((r) => ({
      action: r.action,
      entity_type: r.entityType,
      entity_id: r.entityId,
      before: r.before ?? null,
      after: r.after ?? null,
      reason: r.reason ?? null,
    }));
    await manager.query(
      `INSERT INTO audit_log (actor, actor_kind, action, entity_type, entity_id, before, after, reason, correlation_id)
       SELECT $1, $2, r.action, r.entity_type, r.entity_id, r.before, r.after, r.reason, $3
         FROM jsonb_to_recordset($4::jsonb) AS r(action text, entity_type text, entity_id text, before jsonb, after jsonb, reason text)`,
      [actor, actorKind, correlationId, JSON.stringify(rows)],
    );
  }
}
