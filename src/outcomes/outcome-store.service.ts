import { Injectable } from '@nestjs/common';
import type { Outcome } from '../rules';
import { OrgDirectory } from '../org/org-directory.service';
import { WebhookFanout } from '../webhooks/webhook-fanout';
import { OutcomesRepository } from './outcomes.repository';

export interface OutcomeGroup {
  employeeId: string;
  outcomes: Outcome[];
  period: string | null;
}

/**
 * Stores outcomes once per causing fact: the rules give each a unique key; duplicates are ignored. Writes in
 * the caller's transaction (the context's).
 */
@Injectable()
export class OutcomeStore {
  constructor(
    private readonly webhooks: WebhookFanout,
    private readonly outcomes: OutcomesRepository,
    private readonly org: OrgDirectory,
  ) {}

  saveAll(employeeId: string, outcomes: Outcome[], period?: string | null): Promise<number> {
    return this.write([{ employeeId, outcomes, period: period ?? null }]);
  }

  /** Outcomes of many employees (a batch of events) in one statement; webhooks for the new ones. */
  saveMany(groups: OutcomeGroup[]): Promise<number> {
    return this.write(groups);
  }

  private async write(groups: OutcomeGroup[]): Promise<number> {
    const items = groups.flatMap((g) => g.outcomes.map((o) => ({ employee_id: g.employeeId, period: g.period, o })));
    if (items.length === 0) return 0;
    const inserted = await this.outcomes.insertMany(items);
    if (inserted.length === 0 || !(await this.webhooks.listening('outcome.created'))) return inserted.length;
    const nips = await this.org.nipsByIds([...new Set(inserted.map((r) => r.employeeId))]);
    const rows = inserted.map((r) => ({ ...r, nip: nips.get(r.employeeId) }));
    // Newly created outcomes only: HR/payroll subscribers are told once per outcome.
    await this.webhooks.publish(
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
