import { Injectable } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { HttpException } from '@nestjs/common';
import { Clock } from '../common/clock';
import { JobContext } from '../jobs/job-context';
import { JobHandler } from '../jobs/job-handler.decorator';
import { OutcomeStore } from '../outcomes/outcome-store';
import { deriveOutcomes } from '../rules';
import { CreditLedgerService } from './credit-ledger.service';

/** Background crediting: a FINAL predicate (or a new opening/degree) re-computes the JF ledger and its outcomes. */
@Injectable()
export class CreditJobsHandler {
  constructor(
    private readonly ledger: CreditLedgerService,
    private readonly outcomes: OutcomeStore,
    private readonly clock: Clock,
  ) {}

  @JobHandler('evaluation.credit-angka-kredit')
  async onEvaluationFinalized(payload: Record<string, unknown>, ctx: JobContext) {
    const rows = await ctx.manager.query(`SELECT employee_id, period, status FROM evaluations WHERE id = $1`, [payload.evaluationId]);
    if (!rows[0] || rows[0].status !== 'FINAL') return { skipped: 'evaluation not FINAL' };
    return this.recompute(rows[0].employee_id, `evaluation:${rows[0].period}:r${payload.revision ?? 0}`, ctx);
  }

  @JobHandler('angka-kredit.recompute')
  async onFactsChanged(payload: Record<string, unknown>, ctx: JobContext) {
    return this.recompute(String(payload.employeeId), String(payload.cause ?? 'facts'), ctx);
  }

  private async recompute(employeeId: string, cause: string, ctx: JobContext) {
    const today = this.clock.today();
    const facts = await this.ledger.facts(employeeId, today, ctx.manager);
    if (!facts) return { skipped: 'not a functional official' };
    let computation;
    try {
      computation = this.ledger.compute(facts, today);
    } catch (err) {
      // The facts contradict the rules (e.g. an impossible jenjang change): retrying will not help.
      if (err instanceof HttpException) throw new UnrecoverableError(String((err.getResponse() as { message?: string }).message ?? err.message));
      throw err;
    }
    const stored = await this.ledger.store(ctx.manager, computation, cause);
    const entries = [...computation.ledger.allEntries, ...computation.ledger.closed.flatMap((c) => c.entries)];
    const { outcomes } = deriveOutcomes({
      nip: facts.nip,
      asOf: today,
      ak: { entries, eligibility: computation.eligibility ? [computation.eligibility] : [] },
    });
    const created = await this.outcomes.saveAll(ctx.manager, employeeId, outcomes);
    return { balance: computation.ledger.balance, version: stored.version, changed: stored.changed, outcomesCreated: created };
  }
}
