import { Injectable } from '@nestjs/common';
import { JobContext } from '../jobs/job-context';
import { JobHandler } from '../jobs/job-handler.decorator';
import { deriveOutcomes } from '../rules';
import { OutcomeStore } from './outcome-store';

const CHUNK = 1000;

/**
 * A closed allowance month: every line paid below 100 % because of the predicate, a discipline
 * sanction or a status becomes an ALLOWANCE_CUT outcome (once per employee and month).
 */
@Injectable()
export class AllowanceMonthOutcomesHandler {
  constructor(private readonly store: OutcomeStore) {}

  @JobHandler('allowance.month-closed')
  async handle(payload: Record<string, unknown>, ctx: JobContext) {
    const month = String(payload.month);
    let after = '';
    let created = 0;
    let lines = 0;
    // Keyset pages keep memory flat for agencies of any size.
    for (;;) {
      // The rule set version's legal references are the basis the outcome cites.
      const rows: {
        employee_id: string;
        nip: string;
        rule_set: string | null;
        legal_refs: string[] | null;
        deductions: { code: string; amount: number; reason?: string }[];
      }[] = await ctx.manager.query(
        `SELECT l.employee_id, l.nip, l.rule_set, rs.body->'legalRefs' AS legal_refs, l.deductions FROM allowance_lines l
           LEFT JOIN allowance_rule_sets rs ON rs.code || '@' || rs.version = l.rule_set
          WHERE l.month = $1 AND l.status = 'COMPUTED' AND l.nip > $2
            AND EXISTS (SELECT 1 FROM jsonb_array_elements(l.deductions::jsonb) d WHERE d->>'code' IN ('PREDIKAT','HUKDIS','STATUS') AND (d->>'amount')::bigint > 0)
          ORDER BY l.nip LIMIT ${CHUNK}`,
        [month, after],
      );
      if (rows.length === 0) break;
      // One insert per page: outcomes are derived in memory, stored (and announced) together.
      const groups = rows.map((r) => ({
        employeeId: r.employee_id,
        period: month,
        outcomes: deriveOutcomes({
          nip: r.nip,
          allowanceMonths: [
            {
              month,
              ruleSet: r.rule_set ?? undefined,
              legalRefs: Array.isArray(r.legal_refs) ? r.legal_refs : undefined,
              deductions: r.deductions,
            },
          ],
        }).outcomes,
      }));
      created += await this.store.saveMany(ctx.manager, groups);
      lines += rows.length;
      after = rows[rows.length - 1].nip;
      await ctx.updateProgress({ lines });
    }
    return { month, lines, outcomesCreated: created };
  }
}
