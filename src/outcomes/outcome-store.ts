import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Outcome } from '../rules';
import { WebhookFanout } from '../webhooks/webhook-fanout';

/** Stores outcomes once per causing fact: the rules give each a unique key; duplicates are ignored. */
@Injectable()
export class OutcomeStore {
  constructor(private readonly webhooks: WebhookFanout) {}

  async saveAll(manager: EntityManager, employeeId: string, outcomes: Outcome[], period: string | null = null): Promise<number> {
    if (outcomes.length === 0) return 0;
    const rows: unknown[] = await manager.query(
      `INSERT INTO outcomes (employee_id, type, key, status, reason, legal_basis, effective_from, effective_to, source_kind, source_id, period, explanation)
       SELECT $1, o->>'type', o->>'key', o->>'status', o->>'reason', o->>'legalBasis', (o->>'effectiveFrom')::date, (o->>'effectiveTo')::date,
              o->'source'->>'kind', o->'source'->>'id', $3, o->'explanation'
         FROM jsonb_array_elements($2::jsonb) AS o
       ON CONFLICT (key) DO NOTHING
       RETURNING id, key, type, status, reason, legal_basis AS "legalBasis", to_char(effective_from,'YYYY-MM-DD') AS "effectiveFrom",
                 to_char(effective_to,'YYYY-MM-DD') AS "effectiveTo", source_kind, source_id,
                 (SELECT nip FROM employees WHERE id = $1) AS nip`,
      [employeeId, JSON.stringify(outcomes), period],
    );
    // Newly created outcomes only: HR/payroll subscribers are told once per outcome.
    await this.webhooks.publish(
      manager,
      (rows as Record<string, string>[]).map((r) => ({
        type: 'outcome.created' as const,
        key: `outcome:${r.key}`,
        data: { id: r.id, nip: r.nip, type: r.type, status: r.status, reason: r.reason, legalBasis: r.legalBasis, effectiveFrom: r.effectiveFrom, effectiveTo: r.effectiveTo, source: { kind: r.source_kind, id: r.source_id }, period },
      })),
    );
    return rows.length;
  }
}
