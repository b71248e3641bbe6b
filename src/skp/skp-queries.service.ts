import assert from 'node:assert';
import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../authz/access-policy';
import { Cursor, Page } from '../common/pagination';
import { Principal } from '../identity/principal';
import { OrgDirectory } from '../org/org-directory.service';
import { SkpListQuery } from './dto/skp.dto';
import { SkpEntity } from './entities/skp.entity';
import { SkpAccess } from './skp-access.service';
import { SkpSnapshot } from './skp-org.service';
import type { SkpApproach, SkpFormType, SkpKind, SkpStatus } from './skp.enums';
import { AppConfig } from '../config/app-config';
import { BehaviorView, IndicatorView, LampiranView, ResultView, SkpContentRepository } from './skp-content.repository';
import { SkpQueriesRepository, type SkpListItem } from './skp-queries.repository';

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

export type { SkpListItem };

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

const textKey = (v: unknown): string => (typeof v === 'string' ? v : '');

function iso(d: Date): string;
function iso(d: Date | null): string | null;
function iso(d: Date | null): string | null {
  return d ? d.toISOString() : null;
}
const addDaysIso = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Reads: one SKP, the caller's list, and the cascade (Matriks Peran Hasil). */
@Injectable()
export class SkpQueries {
  constructor(
    private readonly store: SkpContentRepository,
    private readonly repo: SkpQueriesRepository,
    private readonly access: SkpAccess,
    private readonly policy: AccessPolicy,
    private readonly org: OrgDirectory,
    private readonly config: AppConfig,
  ) {}

  async get(p: Principal, id: string): Promise<SkpView> {
    const skp = await this.store.header(id);
    await this.access.visible(p, skp);
    return this.view(skp);
  }

  async view(skp: SkpEntity): Promise<SkpView> {
    const people = await this.org.people(skp.approvedBy ? [skp.employeeId, skp.approvedBy] : [skp.employeeId]);
    const who = people.get(skp.employeeId);
    // An SKP belongs to an employee (a foreign key): the org directory knows every one.
    assert(who, `owner ${skp.employeeId} of SKP ${skp.id} is an employee`);
    const history = await this.repo.history(skp.id);
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
      results: await this.store.results(skp.id),
      behaviors: await this.store.behaviors(skp.id),
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
      approvedByNip: (skp.approvedBy && people.get(skp.approvedBy)?.nip) || null,
      version: skp.version,
      createdAt: iso(skp.createdAt),
      updatedAt: iso(skp.updatedAt),
      history,
    };
  }

  async list(p: Principal, q: SkpListQuery): Promise<Page<SkpListItem>> {
    const limit = q.limit ?? 100;
    const refDate = `LEAST(GREATEST(ctx.today, s.period_start), s.period_end)`;
    const scope = this.policy.listScope(
      p,
      { employeeId: 's.employee_id', refDate, leaderReadable: `s.status = 'APPROVED'` },
      2,
    );
    const after = Cursor.decode(q.after);
    const rows = await this.repo.list(
      this.access.today(),
      scope,
      {
        year: q.year,
        nip: q.nip,
        status: q.status,
        // The cursor's keys are those this API encoded (strings after the year); a forged non-string is empty.
        after: after ? [Number(after[0]), String(after[1]), textKey(after[2]), textKey(after[3])] : null,
      },
      limit,
    );
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: rows.length > limit ? Cursor.encode([last.year, last.nip, last.periodStart, last.id]) : null,
    };
  }

  async cascade(p: Principal, id: string): Promise<CascadeView> {
    const skp = await this.store.header(id);
    const rel = await this.access.visible(p, skp);
    const view = await this.view(skp);
    const refDate = `LEAST(GREATEST(ctx.today, s.period_start), s.period_end)`;
    const scope = this.policy.listScope(p, { employeeId: 's.employee_id', refDate }, 3);
    const children = view.results.length
      ? await this.repo.cascadeChildren(
          view.results.map((r) => r.id),
          this.access.today(),
          scope,
        )
      : [];
    const childResults = children.length
      ? await this.repo.indicatorsOf(children.map((c) => c.resultId))
      : new Map<string, IndicatorView[]>();
    let reports: CascadeView['reports'] = null;
    if (rel.has('ADMIN') || rel.has('SELF') || rel.has('PPK')) {
      const ids = await this.org.directReportIds(skp.employeeId, this.access.segmentRefDate(skp));
      reports = ids.length
        ? await this.repo.cascadeReports(
            ids,
            skp.year,
            this.access.segmentRefDate(skp),
            view.results.map((r) => r.id),
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
}
