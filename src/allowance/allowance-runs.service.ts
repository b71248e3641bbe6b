import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ApiError, badRequest, conflict, notFound } from '../common/api-error';
import { RequestContext } from '../common/request-context';
import { actorLabel } from '../identity/principal';
import { OutboxService } from '../outbox/outbox.service';
import { monthWarningCounts } from './month-warnings.repository';
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
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async request(raw: unknown): Promise<{ id: string; status: 'QUEUED'; month: string; mode: string }> {
    const body = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const month = requireMonth(body.month);
    const { actor } = actorLabel(RequestContext.principal());
    return this.dataSource.transaction(async (m) => {
      await m.query(`INSERT INTO allowance_months (month) VALUES ($1) ON CONFLICT (month) DO NOTHING`, [month]);
      const [mrow]: { status: string }[] = await m.query(
        `SELECT status FROM allowance_months WHERE month = $1 FOR SHARE`,
        [month],
      );
      // A closed month is never edited: its re-run only compares and carries differences as adjustments.
      const mode = mrow.status === 'CLOSED' ? 'CORRECTION' : 'REGULAR';
      const [run]: { id: string }[] = await m.query(
        `INSERT INTO allowance_runs (month, mode, status, requested_by) VALUES ($1, $2, 'QUEUED', $3) RETURNING id`,
        [month, mode, actor],
      );
      await this.outbox.add(m, {
        type: 'AllowanceRunRequested',
        aggregateType: 'allowance_run',
        aggregateId: run.id,
        payload: { runId: run.id },
        dedupeKey: `allowance-run:${run.id}`,
      });
      await this.audit.record(m, {
        action: 'allowance.run.requested',
        entityType: 'allowance_run',
        entityId: run.id,
        after: { month, mode },
      });
      return { id: run.id, status: 'QUEUED' as const, month, mode };
    });
  }

  async get(id: string): Promise<RunView> {
    if (!UUID_RE.test(id)) throw notFound('Run');
    const [r] = await this.dataSource.query(
      `SELECT r.id, r.month, r.mode, r.status, r.processed, r.total, r.chunk_count, r.chunks_done, r.error, r.created_at, r.started_at, r.finished_at,
              (SELECT count(*)::int FROM allowance_run_chunks c WHERE c.run_id = r.id AND c.status = 'FAILED') AS chunks_failed,
              (SELECT jsonb_build_object(
                  'computed', COALESCE(sum((c.report->>'computed')::int), 0), 'noRuleSet', COALESCE(sum((c.report->>'noRuleSet')::int), 0),
                  'errors', COALESCE(sum((c.report->>'errors')::int), 0), 'attendanceMissing', COALESCE(sum((c.report->>'attendanceMissing')::int), 0),
                  'created', COALESCE(sum((c.report->>'created')::int), 0), 'changed', COALESCE(sum((c.report->>'changed')::int), 0),
                  'unchanged', COALESCE(sum((c.report->>'unchanged')::int), 0), 'adjustments', COALESCE(sum((c.report->>'adjustments')::int), 0),
                  'warnings', COALESCE((SELECT jsonb_object_agg(w.code, w.n) FROM (SELECT x.key AS code, sum(x.value::int) AS n FROM allowance_run_chunks c3, jsonb_each(c3.report->'warnings') x
                                                                                     WHERE c3.run_id = r.id AND c3.report IS NOT NULL GROUP BY x.key) w), '{}'::jsonb),
                  'problems', COALESCE((SELECT jsonb_agg(p) FROM (SELECT jsonb_array_elements(c2.report->'problems') AS p FROM allowance_run_chunks c2
                                                            WHERE c2.run_id = r.id AND c2.report IS NOT NULL ORDER BY c2.chunk_no LIMIT 100) x), '[]'::jsonb))
                 FROM allowance_run_chunks c WHERE c.run_id = r.id AND c.report IS NOT NULL) AS report
         FROM allowance_runs r WHERE r.id = $1`,
      [id],
    );
    if (!r) throw notFound('Run');
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
    const [row] = await this.dataSource.query(`SELECT status, closed_at FROM allowance_months WHERE month = $1`, [
      month,
    ]);
    const counts: { status: string; n: number }[] = await this.dataSource.query(
      `SELECT status, count(*)::int AS n FROM allowance_lines WHERE month = $1 GROUP BY status`,
      [month],
    );
    const [adj] = await this.dataSource.query(`SELECT count(*)::int AS n FROM allowance_adjustments WHERE month = $1`, [
      month,
    ]);
    return {
      month,
      status: row?.status ?? 'OPEN',
      closedAt: row?.closed_at ? new Date(row.closed_at).toISOString() : null,
      lines: Object.fromEntries(counts.map((c) => [c.status, c.n])),
      warnings: await monthWarningCounts(this.dataSource.manager, month),
      adjustments: adj.n,
    };
  }

  async close(monthParam: string, raw: unknown = {}) {
    const month = requireMonth(monthParam);
    const body = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const acknowledge = body.acknowledgeWarnings ?? false;
    if (typeof acknowledge !== 'boolean')
      throw badRequest('Data tidak valid / invalid input', [
        { field: 'acknowledgeWarnings', problem: 'must be true or false' },
      ]);
    const { actor } = actorLabel(RequestContext.principal());
    await this.dataSource.transaction(async (m) => {
      await m.query(`INSERT INTO allowance_months (month) VALUES ($1) ON CONFLICT (month) DO NOTHING`, [month]);
      const [row]: { status: string }[] = await m.query(
        `SELECT status FROM allowance_months WHERE month = $1 FOR UPDATE`,
        [month],
      );
      if (row.status === 'CLOSED') throw conflict(`Bulan ${month} sudah ditutup / month already closed`);
      const active = await m.query(
        `SELECT id FROM allowance_runs WHERE month = $1 AND mode = 'REGULAR' AND status IN ('QUEUED','RUNNING')`,
        [month],
      );
      if (active.length) {
        throw conflict(
          `Perhitungan bulan ${month} masih berjalan / a run for this month is still in progress`,
          active.map((a: { id: string }) => ({ field: 'runId', problem: `run ${a.id} is not finished` })),
        );
      }
      // No silent money: lines resting on missing data are closed only by someone who saw them (audited).
      const warnings = await monthWarningCounts(m, month);
      const warned = Object.values(warnings).reduce((a, n) => a + n, 0);
      if (warned > 0 && !acknowledge) {
        throw new ApiError(
          HttpStatus.CONFLICT,
          `Bulan ${month} belum dapat ditutup: ada baris TPP dengan peringatan (${Object.entries(warnings)
            .map(([c, n]) => `${c} ${n}`)
            .join(', ')}). Periksa, lalu tutup dengan { "acknowledgeWarnings": true } / lines with warnings`,
          Object.entries(warnings).map(([code, n]) => ({ field: `warnings.${code}`, problem: `${n} line(s)` })),
          { warnings },
        );
      }
      await m.query(
        `UPDATE allowance_months SET status = 'CLOSED', closed_at = now(), closed_by = $2 WHERE month = $1`,
        [month, actor],
      );
      await this.outbox.add(m, {
        type: 'AllowanceMonthClosed',
        aggregateType: 'allowance_month',
        aggregateId: month,
        payload: { month },
        dedupeKey: `allowance-month-closed:${month}`,
      });
      await this.audit.record(m, {
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
