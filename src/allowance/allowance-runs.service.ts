import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { NotFoundError, InvalidInputError, ConflictError } from '../common/domain-errors';
import { RequestContext } from '../common/request-context';
import { TransactionHost, type TxHost } from '../database/transaction';
import { actorLabel } from '../identity/principal';
import { OutboxService } from '../outbox/outbox.service';
import { AllowanceMonthsRepository } from './allowance-months.repository';
import { AllowanceRunsRepository, type RunMode } from './allowance-runs.repository';
import { requireMonth } from './months';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface RunView {
  id: string;
  month: string;
  mode: 'REGULAR' | 'CORRECTION';
  status: 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';
  processed: number;
  total: number;
  chunks: { count: number; done: number; failed: number };
  report: Record<string, unknown>;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** Monthly runs (202 + background jobs) and month close. */
@Injectable()
export class AllowanceRunsService {
  constructor(
    @Inject(TransactionHost) private readonly txHost: TxHost,
    private readonly runs: AllowanceRunsRepository,
    private readonly months: AllowanceMonthsRepository,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async request(raw: unknown): Promise<{ id: string; status: 'QUEUED'; month: string; mode: string }> {
    const body = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const month = requireMonth(body.month);
    const { actor } = actorLabel(RequestContext.principal());
    return this.txHost.withTransaction(async () => {
      await this.months.ensure(month);
      // A closed month is never edited: its re-run only compares and carries differences as adjustments.
      const mode: RunMode = (await this.months.statusForShare(month)) === 'CLOSED' ? 'CORRECTION' : 'REGULAR';
      const id = await this.runs.insertRun(month, mode, actor);
      await this.outbox.add({
        type: 'AllowanceRunRequested',
        aggregateType: 'allowance_run',
        aggregateId: id,
        payload: { runId: id },
        dedupeKey: `allowance-run:${id}`,
      });
      await this.audit.record({
        action: 'allowance.run.requested',
        entityType: 'allowance_run',
        entityId: id,
        after: { month, mode },
      });
      return { id, status: 'QUEUED' as const, month, mode };
    });
  }

  async get(id: string): Promise<RunView> {
    if (!UUID_RE.test(id)) throw new NotFoundError('Run');
    const r = await this.runs.run(id);
    if (!r) throw new NotFoundError('Run');
    return {
      id: r.id,
      month: r.month,
      mode: r.mode,
      status: r.status,
      processed: r.processed,
      total: r.total,
      chunks: { count: r.chunk_count, done: r.chunks_done, failed: r.chunks_failed },
      report: r.report,
      error: r.error,
      createdAt: new Date(r.created_at).toISOString(),
      startedAt: r.started_at ? new Date(r.started_at).toISOString() : null,
      finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
    };
  }

  async month(monthParam: string): Promise<{
    month: string;
    status: 'OPEN' | 'CLOSED';
    closedAt: string | null;
    lines: Record<string, number>;
    warnings: Record<string, number>;
    adjustments: number;
  }> {
    const month = requireMonth(monthParam);
    const row = await this.months.closedAt(month);
    const counts = await this.months.lineCounts(month);
    const adjustments = await this.months.adjustmentCount(month);
    return {
      month,
      status: row?.status ?? 'OPEN',
      closedAt: row?.closed_at ? new Date(row.closed_at).toISOString() : null,
      lines: Object.fromEntries(counts.map((c) => [c.status, c.n])),
      warnings: await this.months.warningCounts(month),
      adjustments,
    };
  }

  async close(monthParam: string, raw: unknown = {}) {
    const month = requireMonth(monthParam);
    const body = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const acknowledge = body.acknowledgeWarnings ?? false;
    if (typeof acknowledge !== 'boolean')
      throw new InvalidInputError('Data tidak valid / invalid input', [
        { field: 'acknowledgeWarnings', problem: 'must be true or false' },
      ]);
    const { actor } = actorLabel(RequestContext.principal());
    await this.txHost.withTransaction(async () => {
      await this.months.ensure(month);
      if ((await this.months.statusForUpdate(month)) === 'CLOSED')
        throw new ConflictError(`Bulan ${month} sudah ditutup / month already closed`);
      const active = await this.runs.activeRegularRunIds(month);
      if (active.length) {
        throw new ConflictError(
          `Perhitungan bulan ${month} masih berjalan / a run for this month is still in progress`,
          active.map((id) => ({ field: 'runId', problem: `run ${id} is not finished` })),
        );
      }
      // No silent money: lines resting on missing data are closed only by someone who saw them (audited).
      const warnings = await this.months.warningCounts(month);
      const warned = Object.values(warnings).reduce((a, n) => a + n, 0);
      if (warned > 0 && !acknowledge) {
        throw new ConflictError(
          `Bulan ${month} belum dapat ditutup: ada baris TPP dengan peringatan (${Object.entries(warnings)
            .map(([c, n]) => `${c} ${n}`)
            .join(', ')}). Periksa, lalu tutup dengan { "acknowledgeWarnings": true } / lines with warnings`,
          Object.entries(warnings).map(([code, n]) => ({ field: `warnings.${code}`, problem: `${n} line(s)` })),
          { extra: { warnings } },
        );
      }
      await this.months.close(month, actor);
      await this.outbox.add({
        type: 'AllowanceMonthClosed',
        aggregateType: 'allowance_month',
        aggregateId: month,
        payload: { month },
        dedupeKey: `allowance-month-closed:${month}`,
      });
      await this.audit.record({
        action: 'allowance.month.closed',
        entityType: 'allowance_month',
        entityId: month,
        before: { status: 'OPEN' },
        after: { status: 'CLOSED', warnings, acknowledgeWarnings: warned > 0 },
        reason:
          warned > 0
            ? `ditutup dengan peringatan yang diakui / closed with acknowledged warnings: ${JSON.stringify(warnings)}`
            : undefined,
      });
    });
    return this.month(month);
  }
}
