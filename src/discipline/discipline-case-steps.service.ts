import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { AccessPolicy } from '../authz/access-policy';
import { NotFoundError, ConflictError, UnprocessableError } from '../common/domain-errors';
import { Clock } from '../common/clock';
import { RequestContext } from '../common/request-context';
import { TransactionHost, type TxHost } from '../database/transaction';
import { actorLabel, Principal } from '../identity/principal';
import { OrgDirectory } from '../org/org-directory.service';
import { SANCTION_CATALOGUE, type Sanction } from '../rules';
import { DisciplineCalendar } from './discipline-calendar.service';
import { NeutralityElectionsService } from './neutrality-elections.service';
import { CaseStatus, RecommendationLevel, sanctionsOfLevel, stepDeadlines, Step } from './discipline-policy.util';
import type { DisciplineCaseItem, DisciplineCaseView } from './dto/discipline-views.dto';
import { CaseRow, caseReference } from './discipline-case.util';
import { CaseFilter, DisciplineCasesRepository } from './discipline-cases.repository';

/**
 * What the case use cases share: loading a case (404 for what the caller may not see), status and
 * date checks, the update with its history and audit, and the view.
 */
@Injectable()
export class DisciplineCaseSteps {
  constructor(
    private readonly org: OrgDirectory,
    @Inject(TransactionHost) private readonly txHost: TxHost,
    private readonly cases: DisciplineCasesRepository,
    private readonly calendar: DisciplineCalendar,
    private readonly policy: AccessPolicy,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async get(p: Principal, id: string): Promise<DisciplineCaseView> {
    const c = await this.load(id, false);
    this.policy.requireCaseVisible(p, { employeeId: c.employee_id, competentOfficialIds: c.competent_official_ids });
    return this.view(c, true);
  }

  // ---- helpers --------------------------------------------------------------------------------

  /** The case filter of a list, export or summary query (the unit with the units below it). */
  async filter(q: {
    kind?: string;
    status?: string;
    unitCode?: string;
    from?: string;
    to?: string;
    nip?: string;
  }): Promise<CaseFilter> {
    const { kind, status, from, to, nip } = q;
    const unitIds = q.unitCode ? await this.org.subtreeUnitIdsByCode(q.unitCode) : undefined;
    return { kind, status, from, to, nip, unitIds };
  }

  async step(p: Principal, id: string, fn: (c: CaseRow, rel: Set<'ADMIN' | 'OFFICIAL' | 'SELF'>) => Promise<void>) {
    await this.txHost.withTransaction(async () => {
      const c = await this.load(id, true);
      const rel = this.policy.requireCaseVisible(p, {
        employeeId: c.employee_id,
        competentOfficialIds: c.competent_official_ids,
      });
      await fn(c, rel);
    });
    return this.get(p, id).catch((err: unknown) => {
      // The caller may no longer be a named official after the step (e.g. the level changed): return what they did.
      if (err instanceof NotFoundError) return { id, status: 'UPDATED' as const };
      throw err;
    });
  }

  async load(id: string, lock: boolean): Promise<CaseRow> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw new NotFoundError('Kasus');
    const c = await this.cases.load(id, lock);
    if (!c) throw new NotFoundError('Kasus');
    return c;
  }

  requireStatus(c: CaseRow, allowed: CaseStatus[], verb: string): void {
    if (!allowed.includes(c.status)) {
      throw new ConflictError(
        `Kasus berstatus ${c.status}; langkah "${verb}" hanya dari ${allowed.join('/')} / wrong workflow state`,
        [{ field: 'status', problem: `is ${c.status}, must be ${allowed.join(' or ')}` }],
      );
    }
  }

  requireDate(on: string, notBefore: string, field: string): void {
    const today = this.clock.today();
    if (on < notBefore || on > today)
      throw new UnprocessableError(`Tanggal ${field} harus antara ${notBefore} dan ${today} / ${field} out of range`, [
        { field, problem: `must be ${notBefore}..${today}` },
      ]);
  }

  requireSanctionOfLevel(level: RecommendationLevel, sanction: Sanction, field = 'sanction'): void {
    const menu = sanctionsOfLevel(level);
    if (!menu.includes(sanction)) {
      throw new UnprocessableError(
        `Hukuman ${sanction} bukan jenis hukuman tingkat ${level}; pilihan: ${menu.join(', ')} / the sanction does not belong to the level`,
        [{ field, problem: `must be one of ${menu.join(', ')}` }],
      );
    }
  }

  dates(c: CaseRow) {
    return {
      kind: c.kind,
      status: c.status,
      reportedOn: c.reported_on,
      verifiedOn: c.verified_on,
      recommendedOn: c.recommended_on,
      decidedOn: c.decided_on,
      deliveredOn: c.delivered_on,
    };
  }

  async update(
    c: CaseRow,
    to: CaseStatus,
    action: string,
    note: string | null,
    patch: Record<string, unknown>,
  ): Promise<void> {
    const cols = Object.keys(patch);
    await this.cases.update(c.id, to, patch);
    const pick = (k: string, cur: string | null) => (k in patch ? (patch[k] as string | null) : cur);
    const after = {
      status: to,
      ...Object.fromEntries(cols.filter((k) => !k.startsWith('competent_official')).map((k) => [k, patch[k]])),
    };
    const holidays = await this.calendar.holidays(c.reported_on, `${Number(this.clock.today().slice(0, 4)) + 1}-12-31`);
    const d = stepDeadlines(
      {
        kind: c.kind,
        status: to,
        reportedOn: c.reported_on,
        verifiedOn: pick('verified_on', c.verified_on),
        recommendedOn: pick('recommended_on', c.recommended_on),
        decidedOn: pick('decided_on', c.decided_on),
        deliveredOn: pick('delivered_on', c.delivered_on),
      },
      this.clock.today(),
      holidays,
    );
    const overdue = (Object.keys(d) as Step[]).filter((s) => d[s].overdue);
    await this.cases.setDeadlines(c.id, d, overdue);
    // The recommendation was acted on: an open escalation for it is resolved.
    if (to === 'DECIDED') await this.cases.resolveEscalations(c.id, this.clock.today());
    await this.history(c.id, c.status, to, action, actorLabel(RequestContext.principal()).actor, note);
    await this.audit.record({
      action: `discipline.case.${action.toLowerCase()}`,
      entityType: 'DisciplineCase',
      entityId: c.id,
      before: { status: c.status },
      after,
      reason: note,
    });
  }

  history(
    caseId: string,
    from: string | null,
    to: string,
    action: string,
    actor: string,
    note: string | null = null,
  ): Promise<void> {
    return this.cases.addTransition(caseId, from, to, action, actor, note);
  }

  /**
   * Overdue steps as of today, not only as of the last sweep: a report filed late is overdue at once. The
   * calendar-day steps are recomputed here; delivery (working days, holidays) stays with the sweep.
   */
  private overdueNow(c: CaseRow): string[] {
    const live = stepDeadlines(this.dates(c), this.clock.today(), []);
    const now = (['verify', 'recommend', 'decide'] as Step[]).filter((s) => live[s].overdue);
    return [...new Set([...c.overdue_steps, ...now])];
  }

  async view(c: CaseRow, full: true): Promise<DisciplineCaseView>;
  async view(c: CaseRow, full: false): Promise<DisciplineCaseItem>;
  async view(c: CaseRow, full: boolean): Promise<DisciplineCaseItem | DisciplineCaseView> {
    const base: DisciplineCaseItem = {
      id: c.id,
      number: c.number,
      reference: caseReference(c.number),
      nip: c.subject.nip,
      name: c.subject.name,
      kind: c.kind,
      act: c.act,
      stage: c.stage,
      occurredOn: c.occurred_on,
      reportedOn: c.reported_on,
      reportedBy: c.reported_by,
      description: c.description,
      evidenceUrls: c.evidence_urls,
      subject: c.subject,
      classification: {
        track: c.track,
        level: c.level,
        candidateSanctions: c.candidate_sanctions,
        manualReview: c.manual_review,
        explanation: c.classification,
      },
      status: c.status,
      verifiedOn: c.verified_on,
      recommendation: c.recommended_sanction
        ? { level: c.recommended_level, sanction: c.recommended_sanction, recommendedOn: c.recommended_on }
        : null,
      competentOfficials: c.competent_officials,
      decision: c.decided_sanction
        ? {
            sanction: c.decided_sanction,
            level: c.decided_level,
            label: SANCTION_CATALOGUE[c.decided_sanction].labelId,
            decidedOn: c.decided_on,
            decisionRef: c.decision_ref,
            recordedBy: c.decided_by,
          }
        : null,
      deliveredOn: c.delivered_on,
      effectiveFrom: c.effective_from,
      effectiveTo: c.effective_to,
      endedOn: c.ended_on,
      dismissedReason: c.dismissed_reason,
      overdueSteps: this.overdueNow(c),
      escalated: c.escalated,
      attendance: (c.attendance_facts as Record<string, unknown> | null) ?? null,
      netralitas: c.kind === 'NETRALITAS' ? NeutralityElectionsService.view(c) : null,
      version: c.version,
      createdAt: c.created_at.toISOString(),
    };
    if (!full) return base;
    const holidays = await this.calendar.holidays(c.reported_on, `${Number(this.clock.today().slice(0, 4)) + 1}-12-31`);
    const deadlines = stepDeadlines(this.dates(c), this.clock.today(), holidays);
    base.overdueSteps = (Object.keys(deadlines) as Step[]).filter((s) => deadlines[s].overdue);
    const history = await this.cases.transitions(c.id);
    const escalations = await this.cases.escalationsOf(c.id);
    return { ...base, deadlines, effectiveExplanation: c.effective_explanation, escalations, history };
  }
}
