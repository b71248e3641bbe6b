import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RequestContext } from '../common/request-context';
import { actorLabel } from '../identity/principal';
import { AuditEntryEntity } from './audit-entry.entity';

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
    const rows = recs.map((r) => ({
      actor,
      actorKind,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      before: r.before ?? null,
      after: r.after ?? null,
      reason: r.reason ?? null,
      correlationId,
    }));
    for (let i = 0; i < rows.length; i += 1000) {
      await manager.createQueryBuilder().insert().into(AuditEntryEntity).values(rows.slice(i, i + 1000) as never).updateEntity(false).execute();
    }
  }
}
