import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../authz/access-policy';
import { InvalidInputError } from '../common/domain-errors';
import { Cursor } from '../common/pagination';
import { Principal } from '../identity/principal';
import { recommendingBody } from '../rules';
import { NeutralityElectionsService } from './neutrality-elections.service';
import { CaseExportQuery, CaseListQuery, CaseSummaryQuery } from './dto/discipline.dto';
import type {
  DisciplineCaseItem,
  DisciplineCasePage,
  DisciplineCaseSummary,
  DisciplineCaseView,
  DisciplineEscalationList,
  DisciplineExportRow,
} from './dto/discipline-views.dto';
import { caseReference } from './discipline-case.util';
import { DisciplineCaseSteps } from './discipline-case-steps.service';
import { DisciplineCasesRepository } from './discipline-cases.repository';

/** Reads over cases: one case, lists, the SBT export rows, the summary and the escalations. */
@Injectable()
export class DisciplineQueriesService {
  constructor(
    private readonly cases: DisciplineCasesRepository,
    private readonly policy: AccessPolicy,
    private readonly steps: DisciplineCaseSteps,
  ) {}

  async get(p: Principal, id: string): Promise<DisciplineCaseView> {
    return this.steps.get(p, id);
  }

  // ---- reads ----------------------------------------------------------------------------------

  async list(p: Principal, q: CaseListQuery): Promise<DisciplineCasePage> {
    const limit = q.limit ?? 100;
    const after = Cursor.decode(q.after) as [number] | null;
    if (after && !Number.isInteger(after[0]))
      throw new InvalidInputError('Cursor tidak valid / invalid cursor', [
        { field: 'after', problem: 'is not a cursor returned by this API' },
      ]);
    const filter = await this.steps.filter(q);
    const rows = await this.cases.page(
      {
        ...filter,
        scope: (first) =>
          this.policy.caseListScope(p, { employeeId: 'c.employee_id', officialIds: 'c.competent_official_ids' }, first),
        afterNumber: after ? after[0] : undefined,
      },
      limit,
    );
    const page = rows.slice(0, limit);
    const items: DisciplineCaseItem[] = [];
    for (const c of page) items.push(await this.steps.view(c, false));
    const last = page.at(-1);
    return { items, nextCursor: rows.length > limit && last ? Cursor.encode([last.number]) : null };
  }

  /** Rows for the national sharing system (SBT): one per case, the fields BKN asks for. */
  async exportRows(q: CaseExportQuery): Promise<DisciplineExportRow[]> {
    const rows = await this.cases.exportRows(await this.steps.filter(q));
    return rows.map((c) => ({
      caseReference: caseReference(c.number),
      nip: c.subject.nip,
      name: c.subject.name,
      agencyCode: c.subject.agencyCode,
      agencyName: c.subject.agencyName,
      unitCode: c.subject.unitCode,
      unitName: c.subject.unitName,
      positionTitle: c.subject.positionTitle,
      kind: c.kind,
      act: c.act,
      stage: c.stage,
      recommendingBody: c.kind === 'NETRALITAS' ? NeutralityElectionsService.view(c).recommendingBody.body : null,
      listeningOnly: c.listening_only,
      occurredOn: c.occurred_on,
      reportedOn: c.reported_on,
      reportedBy: c.reported_by,
      verifiedOn: c.verified_on,
      recommendedOn: c.recommended_on,
      decidedOn: c.decided_on,
      deliveredOn: c.delivered_on,
      effectiveFrom: c.effective_from,
      effectiveTo: c.effective_to,
      track: c.track,
      level: c.decided_level ?? c.recommended_level ?? c.level,
      sanction: c.decided_sanction ?? c.recommended_sanction,
      sanctionDecided: c.decided_sanction !== null,
      status: c.status,
      decisionRef: c.decision_ref,
      overdueSteps: c.overdue_steps.join('|'),
      escalated: c.escalated,
    }));
  }

  /** Counts per unit (the unit when the act occurred) and status for an election period. */
  async summary(q: CaseSummaryQuery): Promise<DisciplineCaseSummary> {
    if (q.from > q.to)
      throw new InvalidInputError('Data tidak valid / invalid input', [
        { field: 'to', problem: 'must not be before from' },
      ]);
    const kind = q.kind ?? 'NETRALITAS';
    const filter = await this.steps.filter({ ...q, kind });
    const rows = await this.cases.countsByUnitAndStatus(filter);
    const escalated = await this.cases.countEscalated(filter);
    const byRecommendingBody: Record<string, number> = {};
    if (kind === 'NETRALITAS') {
      const bodies = await this.cases.countsByRecommendingBody(filter);
      for (const r of bodies) {
        const body = r.body === null ? recommendingBody({ date: r.d }).body : r.body;
        byRecommendingBody[body] = (byRecommendingBody[body] ?? 0) + r.n;
      }
    }
    const byUnit = new Map<
      string,
      { unitCode: string; unitName: string; counts: Record<string, number>; total: number }
    >();
    const byStatus: Record<string, number> = {};
    let total = 0;
    for (const r of rows) {
      const u = byUnit.get(r.unit_code) ?? { unitCode: r.unit_code, unitName: r.unit_name, counts: {}, total: 0 };
      u.counts[r.status] = (u.counts[r.status] ?? 0) + r.n;
      u.total += r.n;
      byUnit.set(r.unit_code, u);
      byStatus[r.status] = (byStatus[r.status] ?? 0) + r.n;
      total += r.n;
    }
    return {
      kind,
      from: q.from,
      to: q.to,
      unitCode: q.unitCode ?? null,
      total,
      escalated,
      byStatus,
      byUnit: [...byUnit.values()],
      byRecommendingBody,
    };
  }

  async escalations(limit = 1000): Promise<DisciplineEscalationList> {
    return { items: await this.cases.escalations(limit) };
  }
}
