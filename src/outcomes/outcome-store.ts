import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Outcome } from '../rules';

/** Stores outcomes once per causing fact: the rules give each a unique key; duplicates are ignored. */
@Injectable()
export class OutcomeStore {
  async saveAll(manager: EntityManager, employeeId: string, outcomes: Outcome[], period: string | null = null): Promise<number> {
    if (outcomes.length === 0) return 0;
    const rows: unknown[] = await manager.query(
      `INSERT INTO outcomes (employee_id, type, key, status, reason, legal_basis, effective_from, effective_to, source_kind, source_id, period, explanation)
       SELECT $1, o->>'type', o->>'key', o->>'status', o->>'reason', o->>'legalBasis', (o->>'effectiveFrom')::date, (o->>'effectiveTo')::date,
              o->'source'->>'kind', o->'source'->>'id', $3, o->'explanation'
         FROM jsonb_array_elements($2::jsonb) AS o
       ON CONFLICT (key) DO NOTHING RETURNING id`,
      [employeeId, JSON.stringify(outcomes), period],
    );
    return rows.length;
  }
}
