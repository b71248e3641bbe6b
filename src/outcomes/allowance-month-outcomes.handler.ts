import { Injectable } from '@nestjs/common';
import { AllowanceCutsReader } from '../allowance/allowance-cuts.repository';
import { JobContext } from '../jobs/job-context';
import { JobHandler } from '../jobs/job-handler.decorator';
import { AllowanceMonthClosedJob } from './outcomes.job';
import { deriveOutcomes } from '../rules';
import { OutcomeStore } from './outcome-store.service';

const CHUNK = 1000;

/**
 * A closed allowance month: every line paid below 100 % because of the predicate, a discipline
 * sanction or a status becomes an ALLOWANCE_CUT outcome (once per employee and month).
 */
@Injectable()
export class AllowanceMonthOutcomesHandler {
  constructor(
    private readonly store: OutcomeStore,
    private readonly allowance: AllowanceCutsReader,
  ) {}

  @JobHandler(AllowanceMonthClosedJob)
  async handle(payload: Record<string, unknown>, ctx: JobContext) {
    const month = String(payload.month);
    let after = '';
    let created = 0;
    let lines = 0;
    // Keyset pages keep memory flat for agencies of any size.
    for (;;) {
      // The rule set version's legal references are the basis the outcome cites.
      const rows = await this.allowance.cutLines(month, after, CHUNK);
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
      created += await this.store.saveMany(groups);
      lines += rows.length;
      after = rows[rows.length - 1].nip;
      await ctx.updateProgress({ lines });
    }
    return { month, lines, outcomesCreated: created };
  }
}
