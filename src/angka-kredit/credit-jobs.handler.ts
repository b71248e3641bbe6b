import { Injectable, Logger } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-errors';
import { FinalPredicatesReader } from '../evaluation/final-predicates.repository';
import { JobHandler } from '../jobs/job-handler.decorator';
import { OrgDirectory } from '../org/org-directory.service';
import { CreditAngkaKreditJob, RecomputeAngkaKreditJob } from './angka-kredit.job';
import { OutboxService } from '../outbox/outbox.service';
import { OutcomeStore } from '../outcomes/outcome-store.service';
import { deriveOutcomes, kpDueOutcome } from '../rules';
import { CreditComputation, CreditFacts, CreditLedgerService } from './credit-ledger.service';

/** Background crediting: a FINAL predicate (or a new opening/degree) re-computes the JF ledger and its outcomes. */
@Injectable()
export class CreditJobsHandler {
  private readonly logger = new Logger(CreditJobsHandler.name);

  constructor(
    private readonly ledger: CreditLedgerService,
    private readonly outcomes: OutcomeStore,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
    private readonly evaluations: FinalPredicatesReader,
    private readonly org: OrgDirectory,
  ) {}

  @JobHandler(CreditAngkaKreditJob)
  async onEvaluationFinalized(payload: Record<string, unknown>) {
    if (Array.isArray(payload.batch)) return this.onBatch(payload.batch as Record<string, unknown>[]);
    const ev = (await this.evaluations.evaluations([String(payload.evaluationId)])).at(0);
    if (!ev || ev.status !== 'FINAL') return { skipped: 'evaluation not FINAL' };
    return this.recompute(ev.employeeId, `evaluation:${ev.period}:r${Number(payload.revision ?? 0)}`);
  }

  /**
   * A batch of EvaluationFinalized from the relay, in one transaction: one read finds the FINAL ones
   * whose employee holds a JF position today (the others have no ledger: same test as the ledger
   * facts), then the ledgers are recomputed set-based (`factsMany`/`storeMany`, same rules as a single event). Facts that contradict the rules
   * fail that employee only, not the batch: the employee gets an `angka-kredit.recompute` job of
   * their own (through the outbox), which fails without retry and shows in GET /jobs/failed.
   */
  private async onBatch(items: Record<string, unknown>[]) {
    const today = this.clock.today();
    const finals = (await this.evaluations.evaluations(items.map((i) => String(i.evaluationId)))).filter(
      (e) => e.status === 'FINAL',
    );
    // The post held today: the latest assignment started on or before today (org read port).
    const current = new Map<string, { position_kind: string; jenjang: string | null }>();
    for (const a of await this.org.careers([...new Set(finals.map((e) => e.employeeId))], today))
      current.set(a.employee_id, a);
    const rows = finals
      .filter((e) => current.get(e.employeeId)?.position_kind === 'FUNGSIONAL' && current.get(e.employeeId)?.jenjang)
      .map((e) => ({ id: e.id, employee_id: e.employeeId, period: e.period }));
    const revision = new Map(items.map((i) => [String(i.evaluationId), Number(i.revision ?? 0)]));
    // Set-based: the facts of the whole batch in a few reads, the ledgers/history/outcomes in one
    // statement each. An employee with several events in the batch is recomputed once (with the
    // cause of the first event: the later ones would find the same figures and change nothing).
    const byEmployee = new Map<string, { cause: string; events: typeof rows }>();
    for (const r of rows) {
      const seen = byEmployee.get(r.employee_id);
      if (seen) seen.events.push(r);
      else byEmployee.set(r.employee_id, { cause: `evaluation:${r.period}:r${revision.get(r.id) ?? 0}`, events: [r] });
    }
    const factsBy = await this.ledger.factsMany([...byEmployee.keys()], today);
    let recomputed = 0;
    const failed: { evaluationId: string; employeeId: string; cause: string; error: string }[] = [];
    const computed: { c: CreditComputation; cause: string }[] = [];
    for (const [employeeId, { cause, events }] of byEmployee) {
      const facts = factsBy.get(employeeId);
      if (!facts) continue;
      try {
        computed.push({ c: this.computeOrFail(facts, today), cause });
        recomputed += events.length;
      } catch (err) {
        if (!(err instanceof UnrecoverableError)) throw err;
        for (const r of events) {
          failed.push({
            evaluationId: r.id,
            employeeId,
            cause: `evaluation:${r.period}:r${revision.get(r.id) ?? 0}`,
            error: err.message,
          });
        }
      }
    }
    await this.ledger.storeMany(computed);
    await this.outcomes.saveMany(
      computed.map(({ c }) => ({ employeeId: c.facts.employeeId, outcomes: this.outcomesOf(c, today), period: null })),
    );
    if (failed.length) {
      this.logger.warn({ failed }, 'angka kredit: facts contradict the rules for some employees of a batch');
      await this.outbox.addMany(
        failed.map((f) => ({
          type: 'AkFactsChanged',
          aggregateType: 'Employee',
          aggregateId: f.employeeId,
          payload: { employeeId: f.employeeId, cause: f.cause },
          dedupeKey: `ak-batch-failed:${f.evaluationId}:${f.cause}`,
        })),
      );
    }
    return { evaluations: items.length, functional: rows.length, recomputed, failed };
  }

  @JobHandler(RecomputeAngkaKreditJob)
  async onFactsChanged(payload: Record<string, unknown>) {
    return this.recompute(String(payload.employeeId), typeof payload.cause === 'string' ? payload.cause : 'facts');
  }

  private async recompute(employeeId: string, cause: string) {
    const today = this.clock.today();
    const facts = await this.ledger.facts(employeeId, today);
    if (!facts) return { skipped: 'not a functional official' };
    const computation = this.computeOrFail(facts, today);
    const stored = await this.ledger.store(computation, cause);
    const outcomes = this.outcomesOf(computation, today);
    const created = await this.outcomes.saveAll(employeeId, outcomes);
    return {
      balance: computation.ledger.balance,
      version: stored.version,
      changed: stored.changed,
      outcomesCreated: created,
    };
  }

  private computeOrFail(facts: CreditFacts, today: string): CreditComputation {
    try {
      return this.ledger.compute(facts, today);
    } catch (err) {
      // The facts contradict the rules (e.g. an impossible jenjang change): retrying will not help.
      if (err instanceof DomainError) throw new UnrecoverableError(err.message);
      throw err;
    }
  }

  private outcomesOf(computation: CreditComputation, today: string) {
    const entries = [...computation.ledger.allEntries, ...computation.ledger.closed.flatMap((c) => c.entries)];
    const derived = deriveOutcomes({
      nip: computation.facts.nip,
      asOf: today,
      // A PPPK's ledger is informational (04 §6): conversions are credited, KP/KJ eligibility is not emitted.
      ak: {
        entries,
        eligibility: computation.eligibility && !computation.ledger.informational ? [computation.eligibility] : [],
      },
    }).outcomes;
    // A KP with its TMT is one outcome per person and TMT, the same the monthly KP scan emits (04 §3).
    const kp = computation.kp;
    const tmt = kp?.tmt;
    const to = computation.eligibility?.to;
    if (!kp || !tmt || !to) return derived;
    return derived.map((o) =>
      o.type === 'KENAIKAN_PANGKAT_ELIGIBLE'
        ? kpDueOutcome({
            nip: computation.facts.nip,
            to,
            tmt,
            submitFrom: kp.submitFrom,
            submitBy: kp.submitBy,
            track: 'JF',
            delayedBy: kp.delayedBy,
          })
        : o,
    );
  }
}
