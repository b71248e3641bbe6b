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
      const rows: { employee_id: string; nip: string; rule_set: string | null; deductions: { code: string; amount: number; reason?: string }[] }[] = await ctx.manager.query(
        `SELECT employee_id, nip, rule_set, deductions FROM allowance_lines
          WHERE month = $1 AND status = 'COMPUTED' AND nip > $2
            AND EXISTS (SELECT 1 FROM jsonb_array_elements(deductions::jsonb) d WHERE d->>'code' IN ('PREDIKAT','HUKDIS','STATUS') AND (d->>'amount')::bigint > 0)
          ORDER BY nip LIMIT ${CHUNK}`,
        [month, after],
      );
      if (rows.length === 0) break;
      // One insert per page: outcomes are derived in memory, stored (and announced) together.
      const groups = rows.map((r) => ({
        employeeId: r.employee_id,
        period: month,
        outcomes: deriveOutcomes({ nip: r.nip, allowanceMonths: [{ month, ruleSet: r.rule_set ?? undefined, deductions: r.deductions }] }).outcomes,
      }));
      created += await this.store.saveMany(ctx.manager, groups);
      lines += rows.length;
      after = rows[rows.length - 1].nip;
      await ctx.updateProgress({ lines });
    }
    return { month, lines, outcomesCreated: created };
  }
}
