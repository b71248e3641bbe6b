import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AccessPolicy } from '../authz/access-policy';
import { Cursor, Page } from '../common/pagination';
import { Principal } from '../identity/principal';
import { OrgDirectory } from '../org/org-directory.service';
import { SkpListQuery } from './dto/skp.dto';
import { SkpEntity } from './entities/skp.entity';
import { SkpAccess } from './skp-access';
import { SkpSnapshot } from './skp-org';
import type { SkpApproach, SkpFormType, SkpKind, SkpStatus } from './skp.enums';
import { AppConfig } from '../config/app-config';
import { BehaviorView, IndicatorView, LampiranView, ResultView, SkpStore } from './skp-store';

export interface SkpView {
  id: string;
  year: number;
  /** The SKP's own period (spec 04 §1.2); kind ACTING = a Plt's parallel SKP with its delegation. */
  periodStart: string;
  periodEnd: string;
  kind: SkpKind;
  delegationId: string | null;
  /** The DEFINITIVE SKP of the year that ended before this one began (a split year). */
  previousSkpId: string | null;
  /** CLOSED only: the event that ended the period, and when the closing evaluation is due (skp.split.closingDueDays). */
  closedEvent: string | null;
  closingDue: string | null;
  nip: string;
  name: string;
  approach: SkpApproach;
  formType: SkpFormType;
  status: SkpStatus;
  rejectionReason: string | null;
  results: ResultView[];
  behaviors: BehaviorView[];
  lampiran: LampiranView;
  snapshots: { atCreation: SkpSnapshot; atApproval: SkpSnapshot | null };
  submittedAt: string | null;
  approvedAt: string | null;
  approvedByNip: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  history: { from: string | null; to: string; action: string; actor: string; reason: string | null; at: string }[];
  /** Approval response only: e.g. UNLINKED_RESULTS when the PPK has no approved SKP of the year to link to. */
  warnings?: { code: 'UNLINKED_RESULTS'; message: string }[];
}

export interface SkpListItem {
  id: string;
  year: number;
  periodStart: string;
  periodEnd: string;
  kind: SkpKind;
  nip: string;
  name: string;
  status: SkpStatus;
  approach: SkpApproach;
  formType: SkpFormType;
  positionTitle: string;
  unitCode: string;
  updatedAt: string;
}

export interface CascadeChild {
  skpId: string;
  skpStatus: SkpStatus;
  nip: string;
  name: string;
  positionTitle: string;
  resultId: string;
  kind: string;
  text: string;
  indicators: IndicatorView[];
}

export interface CascadeView {
  skp: { id: string; year: number; nip: string; name: string; status: SkpStatus; positionTitle: string };
  results: (ResultView & { children: CascadeChild[] })[];
  /** Direct reports on the reference date and whether their SKP links to this one (owner, their PPK and ADMIN only). */
  reports:
    | {
        nip: string;
        name: string;
        positionTitle: string;
        skpId: string | null;
        skpStatus: SkpStatus | null;
        linkedResults: number;
        unlinkedUtama: number;
      }[]
    | null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const addDaysIso = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Reads: one SKP, the caller's list, and the cascade (Matriks Peran Hasil). */
@Injectable()
export class SkpQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: SkpStore,
    private readonly access: SkpAccess,
    private readonly policy: AccessPolicy,
    private readonly org: OrgDirectory,
    private readonly config: AppConfig,
  ) {}

  async get(p: Principal, id: string): Promise<SkpView> {
    const skp = await this.store.header(this.dataSource.manager, id);
    await this.access.visible(p, skp);
    return this.view(this.dataSource.manager, skp);
  }

  async view(m: EntityManager, skp: SkpEntity): Promise<SkpView> {
    const [who] = await m.query(
      `SELECT e.nip, e.name, (SELECT nip FROM employees WHERE id = $2) AS approved_by FROM employees e WHERE e.id = $1`,
      [skp.employeeId, skp.approvedBy],
    );
    const history = await m.query(
      `SELECT from_status AS "from", to_status AS "to", action, actor, reason, to_char(at AT TIME ZONE 'UTC','YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at
         FROM skp_transitions WHERE skp_id = $1 ORDER BY id`,
      [skp.id],
    );
    const lampiran = skp.lampiran as Partial<LampiranView>;
    const closingDue =
      skp.status === 'CLOSED' ? addDaysIso(skp.periodEnd, this.config.get('SKP_SPLIT_CLOSING_DUE_DAYS')) : null;
    return {
      id: skp.id,
      year: skp.year,
      periodStart: skp.periodStart,
      periodEnd: skp.periodEnd,
      kind: skp.kind as SkpKind,
      delegationId: skp.delegationId,
      previousSkpId: skp.previousSkpId,
      closedEvent: skp.closedEvent,
      closingDue,
      nip: who.nip,
      name: who.name,
      approach: skp.approach as SkpApproach,
      formType: skp.formType as SkpFormType,
      status: skp.status as SkpStatus,
      rejectionReason: skp.rejectionReason,
      results: await this.store.results(m, skp.id),
      behaviors: await this.store.behaviors(m, skp.id),
      lampiran: {
        resources: lampiran.resources ?? [],
        accountabilityScheme: lampiran.accountabilityScheme ?? [],
        consequences: lampiran.consequences ?? [],
      },
      snapshots: {
        atCreation: skp.createdSnapshot as SkpSnapshot,
        atApproval: (skp.approvedSnapshot as SkpSnapshot | null) ?? null,
      },
      submittedAt: iso(skp.submittedAt),
      approvedAt: iso(skp.approvedAt),
      approvedByNip: who.approved_by ?? null,
      version: skp.version,
      createdAt: iso(skp.createdAt)!,
      updatedAt: iso(skp.updatedAt)!,
      history,
    };
  }

  async list(p: Principal, q: SkpListQuery): Promise<Page<SkpListItem>> {
    const limit = q.limit ?? 100;
    const params: unknown[] = [this.access.today()];
    const where: string[] = [];
    const refDate = `LEAST(GREATEST(ctx.today, s.period_start), s.period_end)`;
    const scope = this.policy.listScope(
      p,
      { employeeId: 's.employee_id', refDate, leaderReadable: `s.status = 'APPROVED'` },
      2,
    );
    params.push(...scope.params);
    where.push(scope.sql);
    if (q.year) {
      params.push(q.year);
      where.push(`s.year = $${params.length}`);
    }
    if (q.nip) {
      params.push(q.nip);
      where.push(`e.nip = $${params.length}`);
    }
    if (q.status) {
      params.push(q.status);
      where.push(`s.status = $${params.length}`);
    }
    const after = Cursor.decode(q.after);
    if (after) {
      // (year desc, nip, period start, id): an employee may hold several SKPs in a year (spec 04 §1).
      params.push(Number(after[0]), String(after[1]), String(after[2] ?? ''), String(after[3] ?? ''));
      const n = params.length;
      where.push(
        `(s.year < $${n - 3} OR (s.year = $${n - 3} AND (e.nip, to_char(s.period_start, 'YYYY-MM-DD'), s.id::text) > ($${n - 2}, $${n - 1}, $${n})))`,
      );
    }
    params.push(limit + 1);
    const rows: SkpListItem[] = await this.dataSource.query(
      `SELECT s.id, s.year, to_char(s.period_start,'YYYY-MM-DD') AS "periodStart", to_char(s.period_end,'YYYY-MM-DD') AS "periodEnd",
              s.kind, e.nip, e.name, s.status, s.approach, s.form_type AS "formType",
              s.created_snapshot->'employee'->>'positionTitle' AS "positionTitle", s.created_snapshot->'employee'->>'unitCode' AS "unitCode",
              to_char(s.updated_at AT TIME ZONE 'UTC','YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt"
         FROM skp s JOIN employees e ON e.id = s.employee_id CROSS JOIN (SELECT $1::date AS today) ctx
        WHERE ${where.join(' AND ')}
        ORDER BY s.year DESC, e.nip, s.period_start, s.id::text LIMIT $${params.length}`,
      params,
    );
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: rows.length > limit ? Cursor.encode([last.year, last.nip, last.periodStart, last.id]) : null,
    };
  }

  async cascade(p: Principal, id: string): Promise<CascadeView> {
    const m = this.dataSource.manager;
    const skp = await this.store.header(m, id);
    const rel = await this.access.visible(p, skp);
    const view = await this.view(m, skp);
    const refDate = `LEAST(GREATEST(ctx.today, s.period_start), s.period_end)`;
    const scope = this.policy.listScope(p, { employeeId: 's.employee_id', refDate }, 3);
    const children: (CascadeChild & { parentResultId: string })[] = view.results.length
      ? await m.query(
          `SELECT r.parent_result_id AS "parentResultId", s.id AS "skpId", s.status AS "skpStatus", e.nip, e.name,
                  s.created_snapshot->'employee'->>'positionTitle' AS "positionTitle", r.id AS "resultId", r.kind, r.text
             FROM skp_results r JOIN skp s ON s.id = r.skp_id JOIN employees e ON e.id = s.employee_id CROSS JOIN (SELECT $2::date AS today) ctx
            WHERE r.parent_result_id = ANY($1::uuid[]) AND ${scope.sql}
            ORDER BY e.nip, r.position`,
          [view.results.map((r) => r.id), this.access.today(), ...scope.params],
        )
      : [];
    const childResults = children.length
      ? await this.indicatorsOf(
          m,
          children.map((c) => c.resultId),
        )
      : new Map<string, IndicatorView[]>();
    let reports: CascadeView['reports'] = null;
    if (rel.has('ADMIN') || rel.has('SELF') || rel.has('PPK')) {
      const ids = await this.org.directReportIds(skp.employeeId, this.access.segmentRefDate(skp), m);
      reports = ids.length
        ? await m.query(
            `SELECT e.nip, e.name, a.position_title AS "positionTitle", s.id AS "skpId", s.status AS "skpStatus",
                    (SELECT count(*)::int FROM skp_results r WHERE r.skp_id = s.id AND r.parent_result_id = ANY($4::uuid[])) AS "linkedResults",
                    (SELECT count(*)::int FROM skp_results r WHERE r.skp_id = s.id AND r.kind = 'UTAMA' AND r.parent_result_id IS NULL) AS "unlinkedUtama"
               FROM employees e
               JOIN employee_assignments a ON a.employee_id = e.id AND a.valid_from <= $3::date AND (a.valid_to IS NULL OR a.valid_to > $3::date)
               LEFT JOIN LATERAL (SELECT s1.id, s1.status FROM skp s1 WHERE s1.employee_id = e.id AND s1.year = $2 AND s1.kind = 'DEFINITIVE'
                                   ORDER BY (s1.period_start <= $3::date AND s1.period_end >= $3::date) DESC, s1.period_start DESC LIMIT 1) s ON true
              WHERE e.id = ANY($1::uuid[]) ORDER BY e.nip`,
            [ids, skp.year, this.access.segmentRefDate(skp), view.results.map((r) => r.id)],
          )
        : [];
    }
    return {
      skp: {
        id: view.id,
        year: view.year,
        nip: view.nip,
        name: view.name,
        status: view.status,
        positionTitle: view.snapshots.atCreation.employee.positionTitle,
      },
      results: view.results.map((r) => ({
        ...r,
        children: children
          .filter((c) => c.parentResultId === r.id)
          .map(({ parentResultId: _p, ...c }) => ({ ...c, indicators: childResults.get(c.resultId) ?? [] })),
      })),
      reports,
    };
  }

  private async indicatorsOf(m: EntityManager, resultIds: string[]): Promise<Map<string, IndicatorView[]>> {
    const rows: (IndicatorView & { resultId: string })[] = await m.query(
      `SELECT id, result_id AS "resultId", text, aspect, perspective, target FROM skp_indicators WHERE result_id = ANY($1::uuid[]) ORDER BY position`,
      [resultIds],
    );
    const out = new Map<string, IndicatorView[]>();
    for (const { resultId, ...ind } of rows) out.set(resultId, [...(out.get(resultId) ?? []), ind]);
    return out;
  }
}
