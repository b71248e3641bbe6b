import { Inject, Injectable } from '@nestjs/common';
import { AuditRecord, AuditService } from '../../audit/audit.service';
import { InvalidInputError, NotFoundError } from '../../common/domain-errors';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config';
import { TransactionHost, type TxHost } from '../../database/transaction';
import { actorLabel, Principal } from '../../identity/principal';
import { OrgDirectory } from '../../org/org-directory.service';
import { DistributionReport, DistributionService } from '../distribution.service';
import { requireRatable } from '../period-guard.util';
import { block, EvaluationSnapshot } from '../evaluation-snapshot.util';
import { EvaluationPeriod, parsePeriodId } from '../periods';
import { EvaluationBatchRepository, RatedRow } from './evaluation-batch.repository';

const DAY_MS = 24 * 3600 * 1000;
/** Evaluations per transaction: one set-based read per input kind and one statement per write kind. */
export const FINALIZE_CHUNK = 1000;

export interface FinalizeBatchInput {
  period: string;
  unitCode?: string;
  /** Used for units whose distribution check fails (recorded like a PPK's justification); without it they are skipped. */
  justification?: string;
}

export interface FinalizeBatchResult {
  period: string;
  issued: number;
  overridden: number;
  skipped: { unitCode: string; evaluations: number; violations: string[] }[];
  chunks: number;
  ms: number;
}

type Row = RatedRow;

/** The distribution report a chunk computed for a unit of its rows (each is computed before any is read). */
function unitReport(
  reports: Map<string, { unitId: string; report: DistributionReport }>,
  unitId: string,
): { unitId: string; report: DistributionReport } {
  const r = reports.get(unitId);
  if (!r) throw new NotFoundError('Laporan distribusi unit');
  return r;
}

/**
 * Year-end finalisation in bulk (ADMIN): every RATED evaluation of a period (optionally of one unit
 * subtree) goes RATED → ISSUED with the same rules as EvaluationService.finalize — the unit's
 * SE 3/2023 distribution check (a failing unit needs a justification, else its evaluations are
 * skipped and reported), the DEKP identity snapshot frozen on the reference date, the objection
 * window opens. It never goes further: FINAL is the employee's acceptance, the atasan PPK's decision
 * or the window's expiry (01 §11), so the employee keeps the 14-day keberatan right.
 * Works in chunks of FINALIZE_CHUNK ids, one transaction each, set-based reads and writes.
 */
@Injectable()
export class EvaluationBatchService {
  constructor(
    @Inject(TransactionHost) private readonly txHost: TxHost,
    private readonly repo: EvaluationBatchRepository,
    private readonly distribution: DistributionService,
    private readonly org: OrgDirectory,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async finalizeBatch(p: Principal, input: FinalizeBatchInput): Promise<FinalizeBatchResult> {
    const started = Date.now();
    const per = parsePeriodId(input.period);
    if (!per)
      throw new InvalidInputError('Periode tidak valid / invalid period', [
        { field: 'period', problem: 'must be YYYY, YYYY-Q1..YYYY-Q4 or YYYY-01..YYYY-12' },
      ]);
    requireRatable(per, this.clock.today(), this.config);
    const justification = input.justification?.trim() || null;
    let unitIds: string[] | null = null;
    if (input.unitCode) {
      const unit = await this.distribution.unitByCode(input.unitCode);
      if (!unit) throw new NotFoundError('Unit');
      unitIds = await this.org.subtreeUnitIds(unit.id);
    }
    const reports = new Map<string, { unitId: string; report: DistributionReport }>();
    // Distribution unit → its stored report (evaluation_distribution_reports.id), once per batch.
    const reportIds = new Map<string, string>();
    const skipped = new Map<string, { unitCode: string; evaluations: number; violations: string[] }>();
    const result: FinalizeBatchResult = { period: per.period, issued: 0, overridden: 0, skipped: [], chunks: 0, ms: 0 };
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const last = await this.txHost.withTransaction(async () => {
        const rows = await this.repo.lockRatedChunk(per.period, after, FINALIZE_CHUNK, unitIds);
        if (rows.length === 0) return null;
        await this.chunk(p, per, rows, reports, reportIds, skipped, justification, result);
        return rows[rows.length - 1].id;
      });
      if (last === null) break;
      result.chunks++;
      after = last;
    }
    result.skipped = [...skipped.values()];
    result.ms = Date.now() - started;
    return result;
  }

  private async chunk(
    p: Principal,
    per: EvaluationPeriod,
    all: Row[],
    reports: Map<string, { unitId: string; report: DistributionReport }>,
    reportIds: Map<string, string>,
    skipped: Map<string, { unitCode: string; evaluations: number; violations: string[] }>,
    justification: string | null,
    result: FinalizeBatchResult,
  ): Promise<void> {
    // Distribution per unit: computed once per batch (RATED, ISSUED and FINAL all count, so finalising does not
    // change it), for all the chunk's new units in three reads (per unit it was seven round trips each).
    const fresh = [...new Set(all.map((r) => r.unit_id))].filter((u) => !reports.has(u));
    if (fresh.length) {
      const known = new Map([...reports.values()].map((x) => [x.unitId, x]));
      for (const [unitId, r] of await this.distribution.reportsByUnit(fresh, per))
        reports.set(unitId, known.get(r.unitId) ?? r);
    }
    const filtered = all.filter((r) => {
      const { report } = unitReport(reports, r.unit_id);
      if (report.ok || justification) return true;
      const s = skipped.get(report.unitCode) ?? {
        unitCode: report.unitCode,
        evaluations: 0,
        violations: report.violations.map((v) => v.rule),
      };
      s.evaluations++;
      skipped.set(report.unitCode, s);
      return false;
    });
    if (filtered.length === 0) return;
    const snapshots = await this.snapshots(filtered);
    // Like a single finalize (422), an employee without a position on the reference date is not issued: reported.
    const rows = filtered.filter((r) => {
      if (snapshots.has(r.id)) return true;
      const s = skipped.get('(no position)') ?? {
        unitCode: '(no position)',
        evaluations: 0,
        violations: ['NO_POSITION_ON_REF_DATE'],
      };
      s.evaluations++;
      skipped.set('(no position)', s);
      return false;
    });
    if (rows.length === 0) return;
    const now = this.clock.now();
    const deadline = new Date(now.getTime() + this.config.get('OBJECTION_WINDOW_DAYS') * DAY_MS);
    const usedReports: Record<string, DistributionReport> = {};
    const items = rows.map((r) => {
      const { unitId, report } = unitReport(reports, r.unit_id);
      usedReports[unitId] = report;
      return {
        id: r.id,
        snapshot: snapshots.get(r.id),
        dist_unit: unitId,
        justification: report.ok ? null : justification,
      };
    });
    // Each unit's report is written once per batch and referenced (not one jsonb copy per evaluation).
    const missing = Object.keys(usedReports).filter((u) => !reportIds.has(u));
    if (missing.length) {
      const stored = await this.repo.storeReports(
        per.period,
        missing.map((u) => ({ unit_id: u, report: usedReports[u] })),
      );
      for (const [unitId, id] of stored) reportIds.set(unitId, id);
    }
    await this.repo.issue(items, reportIds, now, deadline);
    await this.repo.issuedTransitions(
      items.map((it, k) => ({ id: it.id, revision: rows[k].revision, reason: it.justification })),
      actorLabel(p).actor,
      now,
    );
    const audits: AuditRecord[] = [];
    for (const it of items) {
      const report = usedReports[it.dist_unit];
      audits.push({
        action: report.ok ? 'evaluation.finalize' : 'evaluation.finalize.distribution-override',
        entityType: 'Evaluation',
        entityId: it.id,
        before: { status: 'RATED' },
        after: {
          status: 'ISSUED',
          batch: true,
          objectionDeadline: deadline.toISOString(),
          distribution: { unitCode: report.unitCode, ok: report.ok, violations: report.violations.map((v) => v.rule) },
        },
        reason: it.justification,
      });
      if (!report.ok) result.overridden++;
    }
    await this.audit.recordMany(audits);
    result.issued += rows.length;
  }

  /** The DEKP identity blocks (employee, PPK, atasan PPK on the reference date) of a chunk, in two set-based reads. */
  private async snapshots(rows: Row[]): Promise<Map<string, EvaluationSnapshot>> {
    const ids = rows.map((r) => r.employee_id);
    const dates = rows.map((r) => r.ref_date);
    const ppkRows = await this.org.ppkChainsAt(ids, dates);
    const everyone = await this.org.snapshotsAt(
      [...ids, ...ppkRows.map((r) => r.ppk), ...ppkRows.map((r) => r.atasan)],
      [...dates, ...dates, ...dates],
    );
    const agencyName = this.config.get('AGENCY_NAME');
    const out = new Map<string, EvaluationSnapshot>();
    rows.forEach((r, i) => {
      const emp = everyone.get(`${r.employee_id}|${r.ref_date}`);
      if (!emp) return;
      const ppk = ppkRows[i].ppk ? everyone.get(`${ppkRows[i].ppk}|${r.ref_date}`) : undefined;
      const atasan = ppkRows[i].atasan ? everyone.get(`${ppkRows[i].atasan}|${r.ref_date}`) : undefined;
      out.set(r.id, {
        onDate: r.ref_date,
        agencyName,
        employee: block(emp),
        ppk: ppk ? block(ppk) : null,
        atasanPpk: atasan ? block(atasan) : null,
      });
    });
    return out;
  }
}
