import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Outcome } from '../rules';
import { WebhookFanout } from '../webhooks/webhook-fanout';

/** Stores outcomes once per causing fact: the rules give each a unique key; duplicates are ignored. */
@Injectable()
export class OutcomeStore {
  constructor(private readonly webhooks: WebhookFanout) {}

  async saveAll(
    manager: EntityManager,
    employeeId: string,
    outcomes: Outcome[],
    period: string | null = null,
  ): Promise<number> {
    return this.saveMany(manager, [{ employeeId, outcomes, period }]);
  }

  /** Outcomes of many employees (a batch of events) in one statement; webhooks for the new ones. */
  async saveMany(
    manager: EntityManager,
    groups: { employeeId: string; outcomes: Outcome[]; period: string | null }[],
  ): Promise<number> {
    const items = groups.flatMap((g) => g.outcomes.map((o) => ({ employee_id: g.employeeId, period: g.period, o })));
    if (items.length === 0) return 0;
    const rows: Record<string, string>[] = await manager.query(
      `WITH ins AS (
         INSERT INTO outcomes (employee_id, type, key, status, reason, legal_basis, effective_from, effective_to, source_kind, source_id, period, explanation)
         SELECT (r->>'employee_id')::uuid, r->'o'->>'type', r->'o'->>'key', r->'o'->>'status', r->'o'->>'reason', r->'o'->>'legalBasis',
                (r->'o'->>'effectiveFrom')::date, (r->'o'->>'effectiveTo')::date, r->'o'->'source'->>'kind', r->'o'->'source'->>'id', r->>'period', r->'o'->'explanation'
           FROM jsonb_array_elements($1::jsonb) AS r
         ON CONFLICT (key) DO NOTHING
         RETURNING id, employee_id, key, type, status, reason, legal_basis, effective_from, effective_to, source_kind, source_id, period)
       SELECT ins.id, ins.key, ins.type, ins.status, ins.reason, ins.legal_basis AS "legalBasis", to_char(ins.effective_from,'YYYY-MM-DD') AS "effectiveFrom",
              to_char(ins.effective_to,'YYYY-MM-DD') AS "effectiveTo", ins.source_kind, ins.source_id, ins.period, e.nip
         FROM ins JOIN employees e ON e.id = ins.employee_id`,
      [JSON.stringify(items)],
    );
    // Newly created outcomes only: HR/payroll subscribers are told once per outcome.
    await this.webhooks.publish(
      manager,
      rows.map((r) => ({
        type: 'outcome.created' as const,
        key: `outcome:${r.key}`,
        data: {
          id: r.id,
          nip: r.nip,
          type: r.type,
          status: r.status,
          reason: r.reason,
          legalBasis: r.legalBasis,
          effectiveFrom: r.effectiveFrom,
          effectiveTo: r.effectiveTo,
          source: { kind: r.source_kind, id: r.source_id },
          period: r.period,
        },
      })),
    );
    return rows.length;
  }
}
