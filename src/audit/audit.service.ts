import { Injectable } from '@nestjs/common';
import { RequestContext } from '../common/request-context';
import { actorLabel } from '../identity/principal';
import { auditInsertPart, AuditRepository, type AuditInsertRow, type SqlPart } from './audit.repository';

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/**
 * Writes audit rows inside the caller's transaction (the one open in the context), so a change and its
 * audit commit together.
 */
@Injectable()
export class AuditService {
  constructor(private readonly repo: AuditRepository) {}

  async record(rec: AuditRecord): Promise<void> {
    await this.recordMany([rec]);
  }

  /**
   * The audit row as a part of the caller's own statement (parameters from `$first`), for a hot write that
   * sends its change and the audit in one round trip (the rating PUT); the same row `record` writes.
   */
  part(rec: AuditRecord): (first: number) => SqlPart {
    const { actor, actorKind } = actorLabel(RequestContext.principal());
    const head = { actor, actorKind, correlationId: RequestContext.correlationId() };
    return (first) => auditInsertPart(head, this.rows([rec]), first);
  }

  async recordMany(recs: AuditRecord[]): Promise<void> {
    if (recs.length === 0) return;
    const { actor, actorKind } = actorLabel(RequestContext.principal());
    await this.repo.insertMany({ actor, actorKind, correlationId: RequestContext.correlationId() }, this.rows(recs));
  }

  private rows(recs: AuditRecord[]): AuditInsertRow[] {
    return recs.map((r) => ({
      action: r.action,
      entity_type: r.entityType,
      entity_id: r.entityId,
      before: r.before ?? null,
      after: r.after ?? null,
      reason: r.reason ?? null,
    }));
  }
}
